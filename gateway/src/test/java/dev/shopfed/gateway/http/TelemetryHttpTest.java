package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request as operators see it: its span tree (server, parse, validate, plan, one client span per fetch, the trace
 * continued from the client and carried to the subgraphs), its Prometheus metrics, and its JSON log lines.
 */
@SpringBootTest(classes = {GatewayApplication.class, TelemetryHttpTest.Spans.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class TelemetryHttpTest {

  /** Books answers a book; reviews answers its reviews as an entity of its own: two fetches, one after the other. */
  static final String SDL = BooksSupergraph.SDL
      .replace("  BOOKS @join__graph(name: \"books\", url: \"http://books.invalid/graphql\")\n",
          "  BOOKS @join__graph(name: \"books\", url: \"http://books.invalid/graphql\")\n"
              + "  REVIEWS @join__graph(name: \"reviews\", url: \"http://reviews.invalid/graphql\")\n")
      .replace("type Book @join__type(graph: BOOKS, key: \"id\") {\n  id: ID!\n  title: String\n",
          "type Book @join__type(graph: BOOKS, key: \"id\") @join__type(graph: REVIEWS, key: \"id\") {\n  id: ID!\n"
              + "  title: String @join__field(graph: BOOKS)\n  reviews: [String] @join__field(graph: REVIEWS)\n")
      .replace("type Query @join__type(graph: BOOKS) {\n  book(id: ID!): Book\n",
          "type Query @join__type(graph: BOOKS) @join__type(graph: REVIEWS) {\n"
              + "  book(id: ID!): Book @join__field(graph: BOOKS)\n");

  private static final String QUERY = "query BookWithReviews($id: ID!) { book(id: $id) { title reviews } }";
  private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String CLIENT_SPAN = "b7ad6b7169203331";
  private static final String SECRET_TOKEN = "Bearer secret-token-value-1234";

  @TempDir
  static Path dir;

  private static WireMockServer subgraphs;

  @LocalServerPort
  int port;

  @Autowired
  InMemorySpanExporter spans;

  @TestConfiguration(proxyBeanMethods = false)
  static class Spans {
    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }

    /** Exported as each span ends, kept in memory. */
    @Bean
    @Primary
    OpenTelemetry testOpenTelemetry(InMemorySpanExporter exporter) {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
          .build();
    }
  }

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    Path supergraph = BooksSupergraph.writeTo(dir.resolve("supergraph.graphql"), SDL);
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> subgraphs.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.reviews", () -> subgraphs.baseUrl() + "/reviews");
  }

  @AfterAll
  static void stopSubgraphs() {
    subgraphs.stop();
  }

  @BeforeEach
  void stubs() {
    spans.reset();
    subgraphs.resetAll();
    subgraphs.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"__typename\":\"Book\",\"id\":\"1\",\"title\":\"Dune\"}}}")));
    subgraphs.stubFor(post(urlEqualTo("/reviews")).willReturn(aResponse()
        .withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"_entities\":[{\"reviews\":[\"good\"]}]}}")));
  }

  @Test
  void oneTraceFromTheClientThroughEveryFetch() {
    query(QUERY, "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
        .expectStatus().isOk()
        .expectBody().jsonPath("$.data.book.reviews[0]").isEqualTo("good");

    List<SpanData> finished = spans.getFinishedSpanItems();
    System.out.println(SpanTree.print(finished));
    assertThat(finished).extracting(SpanData::getTraceId).containsOnly(CLIENT_TRACE);
    SpanData server = named(finished, "POST /graphql");
    assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(server.getParentSpanId()).isEqualTo(CLIENT_SPAN);
    assertThat(server.getAttributes().get(AttributeKey.stringKey("graphql.operation.name"))).isEqualTo("BookWithReviews");
    assertThat(server.getAttributes().get(AttributeKey.stringKey("graphql.operation.type"))).isEqualTo("query");
    assertThat(server.getAttributes().get(AttributeKey.stringKey("http.route"))).isEqualTo("/graphql");
    assertThat(server.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
    for (String stage : List.of("parse", "validate", "plan")) {
      assertThat(named(finished, stage).getParentSpanId()).as(stage).isEqualTo(server.getSpanId());
    }
    for (String subgraph : List.of("books", "reviews")) {
      SpanData fetch = named(finished, "fetch " + subgraph);
      assertThat(fetch.getKind()).isEqualTo(SpanKind.CLIENT);
      assertThat(fetch.getParentSpanId()).as(subgraph).isEqualTo(server.getSpanId());
      assertThat(fetch.getAttributes().get(AttributeKey.stringKey("subgraph.name"))).isEqualTo(subgraph);
      assertThat(fetch.getAttributes().get(AttributeKey.longKey("subgraph.attempt"))).isEqualTo(1L);
      assertThat(fetch.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
      LoggedRequest received = subgraphs.findAll(postRequestedFor(urlEqualTo("/" + subgraph))).get(0);
      assertThat(received.getHeader("traceparent"))
          .isEqualTo("00-" + CLIENT_TRACE + "-" + fetch.getSpanId() + "-01");
    }
  }

  @Test
  void aFailedFetchIsMarkedOnItsSpan() {
    subgraphs.stubFor(post(urlEqualTo("/reviews")).willReturn(aResponse().withStatus(503)));

    query(QUERY, null).expectStatus().isOk();

    SpanData fetch = named(spans.getFinishedSpanItems(), "fetch reviews");
    assertThat(fetch.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(503L);
    assertThat(fetch.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("SUBGRAPH_HTTP_503");
  }

  @Test
  void aRequestProducesEachMetric() {
    query(QUERY, null).expectStatus().isOk();
    query(QUERY, null).expectStatus().isOk(); // the document and the plan come from the caches
    query("{ nope }", null).expectStatus().isBadRequest();

    String metrics = new String(client().get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk().expectBody().returnResult().getResponseBodyContent());

    assertThat(metrics)
        .contains("gateway_requests_seconds_bucket{operation=\"BookWithReviews\",status=\"200\"")
        .contains("gateway_requests_seconds_count{operation=\"anonymous\",status=\"400\"}")
        .contains("gateway_request_errors_total{code=\"GRAPHQL_VALIDATION_FAILED\",operation=\"anonymous\"}")
        .contains("gateway_request_overhead_seconds_bucket{operation=\"BookWithReviews\"")
        .contains("gateway_subgraph_requests_seconds_bucket{outcome=\"200\",subgraph=\"books\"")
        .contains("gateway_subgraph_requests_seconds_bucket{outcome=\"200\",subgraph=\"reviews\"")
        .contains("gateway_cache_requests_total{cache=\"document\",result=\"hit\"}")
        .contains("gateway_cache_requests_total{cache=\"plan\",result=\"miss\"}")
        .contains("gateway_cache_requests_total{cache=\"plan\",result=\"hit\"}")
        .contains("gateway_requests_in_flight ");
  }

  @Test
  void jsonLogLinesCarryTheRequestAndTraceIdsAndNoCredentials(CapturedOutput output) throws Exception {
    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("authorization", SECRET_TOKEN)
        .header("x-request-id", "req-telemetry-1")
        .header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
        .bodyValue(Map.of("query", QUERY, "variables", Map.of("id", "secret-variable-value")))
        .exchange().expectStatus().isOk();

    JsonNode access = awaitAccessLine(output, "req-telemetry-1");
    assertThat(access.get("traceId").asString()).isEqualTo(CLIENT_TRACE);
    assertThat(access.get("http_status").asInt()).isEqualTo(200);
    assertThat(access.get("operation_name").asString()).isEqualTo("BookWithReviews");
    assertThat(access.get("operation_type").asString()).isEqualTo("query");
    assertThat(access.has("duration_ms")).isTrue();
    assertThat(access.get("error_codes").asString()).isEmpty();
    assertThat(output.getAll()).doesNotContain("secret-token-value-1234").doesNotContain("secret-variable-value");
  }

  private static JsonNode awaitAccessLine(CapturedOutput output, String requestId) throws InterruptedException {
    JsonMapper json = JsonMapper.builder().build();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output.getOut().split("\n")) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode node = json.readTree(line); // every line of the JSON console parses
        if (node.has("requestId") && requestId.equals(node.get("requestId").asString())
            && node.path("log").path("logger").asString().equals("dev.shopfed.gateway.access")) {
          return node;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no access line for " + requestId + " in:\n" + output.getOut());
  }

  private WebTestClient.ResponseSpec query(String query, String traceparent) {
    WebTestClient.RequestBodySpec request = client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return request.bodyValue(Map.of("query", query, "variables", Map.of("id", "1"))).exchange();
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans.stream().map(SpanData::getName)
            .collect(Collectors.joining(", "))));
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
  }
}
