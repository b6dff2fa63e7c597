package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's "Sign in as" control: offered only with {@code gateway.explorer.sign-in-url}, whose URL reaches the
 * script in a meta tag and whose origin is the one other place the page may connect to.
 */
class ExplorerSignInTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern SIGN_IN_META =
      Pattern.compile("<meta name=\"explorer-sign-in-url\" content=\"([^\"]*)\">");

  @Test
  void withoutASignInUrlThereIsNoControlAndNoOtherOrigin() {
    WebTestClient client = client(ExplorerPage.fromClasspath((URI) null));
    assertThat(page(client)).doesNotContain("explorer-sign-in-url").doesNotContain("http");
    assertThat(csp(client)).endsWith("connect-src 'self'");
  }

  @Test
  void theSignInUrlReachesThePageEscapedAndOnlyConnectSrcGetsItsOrigin() {
    URI url = URI.create("http://127.0.0.1:4100/token?client=explorer&x=1");
    WebTestClient client = client(ExplorerPage.fromClasspath(url));

    Matcher meta = SIGN_IN_META.matcher(page(client));
    assertThat(meta.find()).as("the meta tag").isTrue();
    assertThat(meta.group(1)).isEqualTo("http://127.0.0.1:4100/token?client=explorer&amp;x=1");
    String csp = csp(client);
    assertThat(csp).contains("connect-src 'self' http://127.0.0.1:4100").contains("script-src 'self';")
        .contains("default-src 'self';");
    assertThat(csp.substring(0, csp.indexOf("connect-src"))).as("only connect-src names the issuer")
        .doesNotContain("127.0.0.1");
  }

  @Test
  void theOriginKeepsAnExplicitPortAndDropsThePath() {
    assertThat(csp(client(ExplorerPage.fromClasspath(URI.create("https://login.example.com/oauth/token")))))
        .endsWith("connect-src 'self' https://login.example.com");
    assertThat(csp(client(ExplorerPage.fromClasspath(URI.create("HTTP://Idp.Local:8443/t")))))
        .endsWith("connect-src 'self' http://Idp.Local:8443");
  }

  @Test
  void aHostileSignInUrlCannotBreakOutOfTheMetaTag() {
    // java.net.URI already refuses < > and double quotes; what it lets through is escaped
    URI url = URI.create("http://127.0.0.1:4100/token?next='onmouseover='alert(1)&a=%22%3E");
    String html = page(client(ExplorerPage.fromClasspath(url)));
    Matcher meta = SIGN_IN_META.matcher(html);
    assertThat(meta.find()).isTrue();
    assertThat(meta.group(1))
        .isEqualTo("http://127.0.0.1:4100/token?next=&#39;onmouseover=&#39;alert(1)&amp;a=%22%3E");
  }

  @Test
  void theScriptSignsInAsABuyerAndSendsTheTokenAsBearer() {
    String script = asset(client(ExplorerPage.fromClasspath((URI) null)), "/explorer/explorer.js");
    assertThat(script)
        .contains("meta[name=\"explorer-sign-in-url\"]")
        .contains("searchParams.set('sub', buyer)")
        .contains("BUYERS = 50")
        .contains("'anonymous'")
        .contains("headers.set('Authorization', 'Bearer ' + token.current)")
        .contains("body.access_token")
        .contains("credentials: 'omit'")
        // the control exists only when the page names a sign-in URL
        .contains("SIGN_IN_URL ? h(SignIn");
  }

  @Test
  void theSettingMustBeAnAbsoluteHttpUrl() {
    assertThat(new ExplorerProperties(null, null, null).signInUrl()).isNull();
    assertThat(new ExplorerProperties(URI.create("https://idp.example/token"), null, null).signInUrl()).isNotNull();
    for (String bad : new String[] {"/token", "ftp://idp.example/token", "javascript:alert(1)", "file:///etc/passwd"}) {
      assertThatThrownBy(() -> new ExplorerProperties(URI.create(bad), null, null)).as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("gateway.explorer.sign-in-url must be an absolute http(s) URL");
    }
  }

  @Test
  void theSettingBindsFromGatewayExplorerSignInUrl() {
    GatewayProperties set = bind(Map.of("gateway.supergraph", "s.graphql",
        "gateway.explorer.sign-in-url", "http://127.0.0.1:4100/token"));
    assertThat(set.explorer().signInUrl()).isEqualTo(URI.create("http://127.0.0.1:4100/token"));
    GatewayProperties unset = bind(Map.of("gateway.supergraph", "s.graphql"));
    assertThat(unset.explorer()).isNotNull();
    assertThat(unset.explorer().signInUrl()).isNull();
  }

  private static GatewayProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway", GatewayProperties.class);
  }

  private static WebTestClient client(ExplorerPage page) {
    return RouterHarness.client(RouterHarness.readyExecutor(), JSON, true, page);
  }

  private static String page(WebTestClient client) {
    return client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  private static String csp(WebTestClient client) {
    return client.get().uri("/").exchange().expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("Content-Security-Policy");
  }

  private static String asset(WebTestClient client, String path) {
    return client.get().uri(path).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }
}
