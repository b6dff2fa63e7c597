package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The explorer page references only assets of its own, and each of them is served from the classpath. */
class ExplorerTest {

  private static final Pattern ASSET = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"");
  private static final String EMPTY_ICON = "data:,";

  private WebTestClient client;

  @BeforeEach
  void setUp() {
    client = RouterHarness.client(RouterHarness.readyExecutor(), JsonMapper.builder().build());
  }

  @Test
  void pageLoadsOnlyLocalAssetsAndForbidsOthers() {
    String html = page();

    assertThat(assets(html)).as("stylesheets and scripts of the page").hasSizeGreaterThanOrEqualTo(6)
        .allSatisfy(asset -> assertThat(asset).startsWith("/explorer/"));
    assertThat(references(html)).as("every src and href").allSatisfy(ref -> assertThat(ref)
        .matches(r -> r.startsWith("/explorer/") || r.equals(EMPTY_ICON), "local or the empty inline icon"));
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("//cdn")
        .doesNotContain("unpkg").doesNotContain("jsdelivr");
    client.get().uri("/").exchange()
        .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
            .contains("default-src 'self'").contains("script-src 'self'").doesNotContain("http"));
  }

  @Test
  void everyAssetIsServedFromTheJar() {
    for (String asset : assets(page())) {
      byte[] body = client.get().uri(asset).exchange()
          .expectStatus().isOk()
          .expectHeader().contentType(asset.endsWith(".css") ? "text/css" : "text/javascript")
          .expectBody().returnResult().getResponseBody();
      assertThat(body).as(asset).isNotEmpty();
    }
  }

  @Test
  void bundledGraphiQLAndReactAreTheRealBuilds() {
    assertThat(asset("/explorer/vendor/graphiql.min.js")).contains("window.GraphiQL");
    assertThat(asset("/explorer/vendor/react.production.min.js")).contains("React");
    assertThat(asset("/explorer/vendor/react-dom.production.min.js")).contains("createRoot");
    assertThat(asset("/explorer/vendor/graphiql.min.css")).contains(".graphiql-container");
  }

  @Test
  void fetcherAsksForTheQueryPlanAndShowsIt() {
    String script = asset("/explorer/explorer.js");
    assertThat(script).contains("'apollo-expose-query-plan': 'true'").contains("queryPlan").contains(".text");
  }

  @Test
  void fetcherAsksForTheCostAndShowsIt() {
    String script = asset("/explorer/explorer.js");
    assertThat(script).contains("'apollo-expose-cost': 'true'").contains("extensions.cost")
        .contains("cost.estimated").contains("cost.actual");
  }

  @Test
  void graphqlServesThePageOnlyToBrowsers() {
    client.get().uri("/graphql").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    client.get().uri("/graphql").accept(MediaType.ALL).exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_JSON);
  }

  private String page() {
    return client.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class).returnResult().getResponseBody();
  }

  private String asset(String path) {
    return client.get().uri(path).exchange().expectStatus().isOk()
        .expectBody(String.class).returnResult().getResponseBody();
  }

  /** Every src and href except the inline empty icon, which only stops browsers asking for /favicon.ico. */
  private static List<String> assets(String html) {
    return references(html).stream().filter(ref -> !ref.equals(EMPTY_ICON)).toList();
  }

  private static List<String> references(String html) {
    Matcher matcher = ASSET.matcher(html);
    List<String> found = new ArrayList<>();
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
