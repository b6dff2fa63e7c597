package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.migration.MigrationOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Progressive override changed at run time, end to end: {@code Product.stock} moves from subgraph a to subgraph b
 * under the label {@code my-label}. Subgraph a answers stock 1, b answers 2, so each answer says who served it, and
 * WireMock says whether b was asked at all.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MigrationHttpTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TOKEN = "operator-secret";
  private static final String BEARER = "Bearer " + TOKEN;
  private static final String QUERY = "{\"query\":\"{ product(id: \\\"p1\\\") { id stock } }\"}";
  private static final String LABELS = "/admin/migration/labels";
  private static WireMockServer subgraphs;
  private static Path labelsFile;

  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort
  int port;

  @Autowired
  MigrationOptions migration;

  @Autowired
  MigrationLabelsWatcher watcher;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    subgraphs.stubFor(post(urlEqualTo("/a")).willReturn(json(
        "{\"data\":{\"product\":{\"__typename\":\"Product\",\"id\":\"p1\",\"stock\":1}}}")));
    subgraphs.stubFor(post(urlEqualTo("/b")).willReturn(json(
        "{\"data\":{\"_entities\":[{\"__typename\":\"Product\",\"stock\":2}]}}")));
    labelsFile = Files.createTempFile("migration-labels", ".properties");
    Files.writeString(labelsFile, "my-label=0\n");
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/migration/supergraph.graphql").toString());
    registry.add("gateway.subgraph-urls.a", () -> subgraphs.baseUrl() + "/a");
    registry.add("gateway.subgraph-urls.b", () -> subgraphs.baseUrl() + "/b");
    registry.add("gateway.migration.labels-file", labelsFile::toString);
    registry.add("gateway.migration.poll-interval", () -> "100ms");
    registry.add("gateway.migration.admin-token", () -> TOKEN);
    registry.add("gateway.migration.sticky-by", () -> "header:x-buyer");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    subgraphs.stop();
    Files.deleteIfExists(labelsFile);
  }

  @Test
  void aShareSetThroughTheAdminEndpointHoldsFromTheNextRequest() throws Exception {
    assertThat(put("my-label", "{\"percent\": 0}", BEARER).statusCode()).isEqualTo(200);
    int askedOfB = bRequests();
    assertThat(stock(null)).as("served by a").isEqualTo(1);
    assertThat(bRequests()).isEqualTo(askedOfB);

    HttpResponse<String> set = put("my-label", "{\"percent\": 100}", BEARER);

    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(set.body()).toString())
        .isEqualTo("{\"label\":\"my-label\",\"percent\":100.0,\"inSupergraph\":true}");
    assertThat(stock(null)).as("served by b").isEqualTo(2);
    assertThat(bRequests()).isEqualTo(askedOfB + 1);

    assertThat(put("my-label", "{\"percent\": 0}", BEARER).statusCode()).isEqualTo(200);
    assertThat(stock(null)).as("served by a again").isEqualTo(1);
    assertThat(bRequests()).isEqualTo(askedOfB + 1);
  }

  @Test
  void aChangedLabelsFileHoldsFromTheNextRequestAndABrokenOneIsRefused() throws Exception {
    rewrite("# the move\nmy-label = 100\n");
    await("the file's share to be served", () -> stock(null) == 2);
    assertThat(watcher.lastProblem()).isEmpty();

    rewrite("my-label=140\n");
    await("the broken file to be refused", () -> watcher.lastProblem().isPresent());
    assertThat(watcher.lastProblem().orElseThrow()).contains(labelsFile.toString(), "line 1",
        "the share of my-label must be a percent from 0 to 100, not \"140\"");
    assertThat(migration.control().current().share("my-label")).as("the old share kept").isEqualTo(100);
    assertThat(stock(null)).isEqualTo(2);

    rewrite("my-label=0\n");
    await("the fixed file to be served", () -> stock(null) == 1);
    assertThat(watcher.lastProblem()).isEmpty();
  }

  @Test
  void oneBuyerSeesOneOwnerThroughout() throws Exception {
    assertThat(put("my-label", "{\"percent\": 50}", BEARER).statusCode()).isEqualTo(200);
    Set<Integer> owners = new HashSet<>();

    for (int buyer = 0; buyer < 24; buyer++) {
      int first = stock("buyer-" + buyer);
      for (int again = 0; again < 3; again++) {
        assertThat(stock("buyer-" + buyer)).as("buyer-%d, request %d", buyer, again).isEqualTo(first);
      }
      owners.add(first);
    }

    assertThat(owners).as("at 50 %% both owners serve some of 24 buyers").containsExactlyInAnyOrder(1, 2);
    assertThat(put("my-label", "{\"percent\": 0}", BEARER).statusCode()).isEqualTo(200);
  }

  @Test
  void everyDecisionIsCountedAndListed() throws Exception {
    assertThat(put("my-label", "{\"percent\": 100}", BEARER).statusCode()).isEqualTo(200);
    long[] before = migration.counts().snapshot().getOrDefault("my-label", new long[2]);
    stock(null);
    stock(null);
    assertThat(put("my-label", "{\"percent\": 0}", BEARER).statusCode()).isEqualTo(200);
    stock(null);

    assertThat(migration.counts().snapshot().get("my-label")).containsExactly(before[0] + 2, before[1] + 1);
    HttpResponse<String> list = get(LABELS, BEARER);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode label = JSON.readTree(list.body()).path("labels").path("my-label");
    assertThat(label.path("percent").asDouble()).isZero();
    assertThat(label.path("inSupergraph").asBoolean()).isTrue();
    assertThat(label.path("on").asLong()).isEqualTo(before[0] + 2);
    assertThat(label.path("off").asLong()).isEqualTo(before[1] + 1);
  }

  @Test
  void aLabelTheSupergraphDoesNotUseIsListedAsSuch() throws Exception {
    assertThat(put("my-lable", "{\"percent\": 30}", BEARER).statusCode()).isEqualTo(200);

    JsonNode typo = JSON.readTree(get(LABELS, BEARER).body()).path("labels").path("my-lable");

    assertThat(typo.toString()).isEqualTo("{\"percent\":30.0,\"inSupergraph\":false,\"on\":0,\"off\":0}");
  }

  @Test
  void theAdminEndpointNeedsTheOperatorsToken() throws Exception {
    double share = migration.control().current().share("my-label");

    for (HttpResponse<String> refused : new HttpResponse[] {put("my-label", "{\"percent\": 77}", null),
        put("my-label", "{\"percent\": 77}", "Bearer guess"), put("my-label", "{\"percent\": 77}", BEARER + "x"),
        put("my-label", "{\"percent\": 77}", TOKEN), get(LABELS, null), get(LABELS, "Bearer guess")}) {
      assertThat(refused.statusCode()).isEqualTo(401);
      JsonNode error = JSON.readTree(refused.body()).path("errors").path(0);
      assertThat(error.path("extensions").path("code").asString()).isEqualTo("UNAUTHENTICATED");
      assertThat(error.path("message").asString()).contains("gateway.migration.admin-token");
      assertThat(refused.body()).doesNotContain(TOKEN);
    }
    assertThat(migration.control().current().share("my-label")).isEqualTo(share);
  }

  @Test
  void aBadChangeIsRefusedAndChangesNothing() throws Exception {
    double share = migration.control().current().share("my-label");

    assertBadRequest(put("my-label", "{\"percent\": 140}", BEARER), "percent must be from 0 to 100, not 140");
    assertBadRequest(put("my-label", "{\"percent\": \"40\"}", BEARER), "{\"percent\": 40}");
    assertBadRequest(put("my-label", "not json", BEARER), "{\"percent\": 40}");
    assertBadRequest(put("my-label", "", BEARER), "{\"percent\": 40}");
    assertBadRequest(put("percent(5)", "{\"percent\": 40}", BEARER), "carries its share in its name");

    assertThat(migration.control().current().share("my-label")).isEqualTo(share);
  }

  private static void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body()).path("errors").path(0);
    assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_REQUEST");
    assertThat(error.path("message").asString()).contains(message);
  }

  /** The stock the gateway answers: 1 from subgraph a, 2 from subgraph b. */
  private int stock(String buyer) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql")).timeout(BOUND)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(QUERY));
    if (buyer != null) {
      request.header("x-buyer", buyer);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = JSON.readTree(response.body());
      assertThat(body.path("errors").isMissingNode()).as(response.body()).isTrue();
      return body.path("data").path("product").path("stock").asInt();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private int bRequests() {
    return subgraphs.countRequestsMatching(postRequestedFor(urlEqualTo("/b")).build()).getCount();
  }

  private HttpResponse<String> put(String label, String body, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(LABELS + "/" + label)).timeout(BOUND)
        .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(BOUND).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("content-type", "application/json").withBody(body);
  }

  /** Writes the file and moves its modification time on, so the change shows even on coarse file clocks. */
  private static void rewrite(String text) throws Exception {
    FileTime before = Files.getLastModifiedTime(labelsFile);
    Files.writeString(labelsFile, text);
    Files.setLastModifiedTime(labelsFile, FileTime.from(before.toInstant().plusSeconds(2)));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
