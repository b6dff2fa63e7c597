package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The consent endpoints over HTTP: the flow map and its page, and the operator's crossing-log export. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/consent/supergraph.graphql").toString());
    registry.add("gateway.consent.jdbc-url", () -> "jdbc:h2:mem:consent-http;DB_CLOSE_DELAY=-1");
    registry.add("gateway.consent.export-token", () -> "operator-secret");
  }

  @Test
  void theFlowMapListsEveryFlowWithItsPurpose() throws Exception {
    HttpResponse<String> response = get("/consent/flows", null);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode flows = JSON.readTree(response.body()).path("flows");
    assertThat(flows.toString()).contains("{\"field\":\"User.history.categories\",\"category\":\"purchase-history\","
        + "\"confined\":false,\"from\":\"accounts\",\"to\":\"offers\",\"purpose\":\"personalised-offers\","
        + "\"via\":\"User.recommended\"}");
    assertThat(flows.toString()).contains("\"field\":\"User.payment.method\",\"category\":\"payment\","
        + "\"confined\":true");
  }

  @Test
  void thePageShowsTheMapWithNothingFromElsewhere() throws Exception {
    HttpResponse<String> page = get("/consent", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy")).hasValue("default-src 'self'; connect-src 'self'");
    assertThat(page.body()).contains("Personal data flows", "/consent/flows.js");
    assertThat(get("/consent/flows.js", null).body()).contains("fetch('/consent/flows'");
  }

  @Test
  void theExportNeedsTheOperatorsToken() throws Exception {
    HttpResponse<String> anonymous = get("/consent/crossings", null);
    HttpResponse<String> wrong = get("/consent/crossings", "Bearer guess");
    HttpResponse<String> operator = get("/consent/crossings?subject=u1", "Bearer operator-secret");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(anonymous.body()).path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("UNAUTHENTICATED");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(operator.statusCode()).isEqualTo(200);
    assertThat(operator.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/jsonl"));
    assertThat(operator.body()).isEmpty();
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
