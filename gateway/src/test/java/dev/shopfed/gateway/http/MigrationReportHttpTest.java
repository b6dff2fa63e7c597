package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /migration} over HTTP, its page, and the command that prints it. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationReportHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static WireMockServer subgraphs;
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    subgraphs.stubFor(post(urlEqualTo("/old")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"order\":{\"__typename\":\"Order\",\"id\":\"1\",\"total\":9}}}")));
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/planning/override/supergraph.graphql")
        .toString());
    registry.add("gateway.subgraph-urls.old", () -> subgraphs.baseUrl() + "/old");
    registry.add("gateway.subgraph-urls.new", () -> subgraphs.baseUrl() + "/new");
  }

  @AfterAll
  static void stop() {
    subgraphs.stop();
  }

  @Test
  void theReportCountsTheRequestsEachOwnerServedAndTheCommandPrintsIt() throws Exception {
    long before = served("old");
    for (int i = 0; i < 4; i++) {
      assertThat(send(HttpRequest.newBuilder(uri("/graphql")).header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ order(id: \\\"1\\\") { total } }\"}"))).body())
          .contains("\"total\":9");
    }

    JsonNode report = JSON.readTree(send(HttpRequest.newBuilder(uri("/migration")).GET()).body());
    JsonNode total = field(report, "Order.total");
    assertThat(total.path("override").path("label").asString()).isEqualTo("new-totals");
    assertThat(total.path("override").path("percent").asDouble()).isZero();
    assertThat(served("old") - before).isEqualTo(4);
    assertThat(report.path("summary").path("overridden").asInt()).isEqualTo(2);
    assertThat(report.path("summary").path("migratedByTrafficPercent").asDouble()).isZero();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = MigrationReportCommand.run(new String[] {"migration-report", "--url", "http://127.0.0.1:" + port},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Order.total", "old → new", "new-totals",
        "0.0 % migrated by fields (0 of 2 overridden fields at 100 %)");
  }

  @Test
  void aBrowserGetsThePageWithItsChart() throws Exception {
    HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/migration"))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());

    assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("Migration report", "/migration/report.js");
    assertThat(send(HttpRequest.newBuilder(uri("/migration/report.js")).GET()).body()).contains("fetch('/migration'");
  }

  private long served(String owner) throws Exception {
    JsonNode report = JSON.readTree(send(HttpRequest.newBuilder(uri("/migration")).GET()).body());
    return field(report, "Order.total").path("override").path("traffic").path(owner).asLong(0);
  }

  private static JsonNode field(JsonNode report, String name) {
    for (JsonNode field : report.path("fields")) {
      if (field.path("field").asString().equals(name)) {
        return field;
      }
    }
    throw new AssertionError(name + " is not in the report: " + report);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
