package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/** Without an admin token the switch does not exist; shares then come from the settings alone. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MigrationAdminOffHttpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static WireMockServer subgraphs;
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    subgraphs.stubFor(post(urlEqualTo("/a")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"product\":{\"__typename\":\"Product\",\"id\":\"p1\",\"stock\":1}}}")));
    subgraphs.stubFor(post(urlEqualTo("/b")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"_entities\":[{\"__typename\":\"Product\",\"stock\":2}]}}")));
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/migration/supergraph.graphql").toString());
    registry.add("gateway.subgraph-urls.a", () -> subgraphs.baseUrl() + "/a");
    registry.add("gateway.subgraph-urls.b", () -> subgraphs.baseUrl() + "/b");
    registry.add("gateway.migration.labels.my-label", () -> "100");
  }

  @AfterAll
  static void cleanUp() {
    subgraphs.stop();
  }

  @Test
  void theAdminEndpointAnswers404WithoutAToken() throws Exception {
    HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/admin/migration/labels"))
        .header("Authorization", "Bearer anything").GET());
    HttpResponse<String> set = send(HttpRequest.newBuilder(uri("/admin/migration/labels/my-label"))
        .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"percent\": 0}")));

    for (HttpResponse<String> off : java.util.List.of(list, set)) {
      assertThat(off.statusCode()).isEqualTo(404);
      JsonNode error = JSON.readTree(off.body()).path("errors").path(0);
      assertThat(error.path("extensions").path("code").asString()).isEqualTo("NOT_FOUND");
      assertThat(error.path("message").asString()).contains("gateway.migration.admin-token");
    }
  }

  @Test
  void aShareFromTheSettingsServesFromTheStart() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/graphql"))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ product(id: \\\"p1\\\") { id stock } }\"}")));

    assertThat(JSON.readTree(response.body()).path("data").path("product").path("stock").asInt())
        .as("served by b").isEqualTo(2);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
