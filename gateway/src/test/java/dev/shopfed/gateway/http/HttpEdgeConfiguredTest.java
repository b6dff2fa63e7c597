package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.shopfed.gateway.http.HttpEdgeTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge with every switch turned: batching on (at most 3), CORS for some origins, introspection off, a custom
 * CSRF header, subgraph errors passed through.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HttpEdgeConfiguredTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String APP = "https://app.example.com";
  private static WireMockServer books;

  @LocalServerPort
  int port;

  // HTTP/1.1 as the app speaks it; the default would try an h2c upgrade on every GET.
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.batching.enabled", () -> "true");
    registry.add("gateway.batching.max-size", () -> "3");
    registry.add("gateway.cors.allowed-origins", () -> APP + ",https://*.shop.example");
    registry.add("gateway.cors.allow-credentials", () -> "true");
    registry.add("gateway.cors.max-age", () -> "10m");
    registry.add("gateway.introspection", () -> "false");
    registry.add("gateway.csrf.required-headers", () -> "x-shop-csrf");
    registry.add("gateway.errors.expose-subgraph-errors", () -> "true");
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @BeforeEach
  void stubBooks() {
    books.resetAll();
    for (String id : List.of("1", "2", "3")) {
      books.stubFor(post(urlEqualTo("/books"))
          .withRequestBody(matchingJsonPath("$.query", containing("\"" + id + "\"")))
          .willReturn(aResponse().withHeader("content-type", "application/json")
              .withBody("{\"data\":{\"book\":{\"title\":\"Book " + id + "\"}}}")));
    }
  }

  // --- batching ---

  @Test
  void aBatchIsAnsweredInOrderEachEntryWithItsOwnErrors() throws Exception {
    String batch = "[" + book("2") + "," + "{\"query\":\"{ book(id: \\\"1\\\") { nope } }\"}" + "," + book("1") + "]";
    HttpResponse<String> response = postJson(batch);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answers = JSON.readTree(response.body());
    assertThat(answers.isArray()).isTrue();
    assertThat(answers.size()).isEqualTo(3);
    assertThat(answers.get(0).toString()).isEqualTo("{\"data\":{\"book\":{\"title\":\"Book 2\"}}}");
    assertThat(answers.get(1).at("/errors/0/extensions/code").asString()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
    assertThat(answers.get(1).has("data")).isFalse();
    assertThat(answers.get(2).toString()).isEqualTo("{\"data\":{\"book\":{\"title\":\"Book 1\"}}}");
    books.verify(2, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void aBatchEntryThatIsNotAnOperationGetsItsOwnError() throws Exception {
    HttpResponse<String> response = postJson("[42," + book("3") + ",{\"query\":\"\"}]");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode answers = JSON.readTree(response.body());
    assertThat(answers.get(0).at("/errors/0/extensions/code").asString()).isEqualTo("BAD_REQUEST");
    assertThat(answers.get(1).at("/data/book/title").asString()).isEqualTo("Book 3");
    assertThat(answers.get(2).at("/errors/0/extensions/code").asString()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void batchesOverTheLimitOrEmptyAreRefusedBeforeAnythingRuns() throws Exception {
    HttpResponse<String> over = postJson("[" + book("1") + "," + book("2") + "," + book("3") + "," + book("1") + "]");
    assertRefused(over, 400, "BATCH_LIMIT_EXCEEDED", "4 > 3");
    assertThat(JSON.readTree(over.body()).at("/errors/0/message").asString())
        .isEqualTo("Batch of 4 operations exceeds the limit of 3 (gateway.batching.max-size)");
    assertRefused(postJson("[]"), 400, "BAD_REQUEST", "empty batch");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  // --- introspection off ---

  @Test
  void introspectionIsRefusedAnywhereInTheDocument() throws Exception {
    for (String query : List.of(
        "{ __schema { types { name } } }",
        "{ book(id: \\\"1\\\") { title } __type(name: \\\"Book\\\") { name } }",
        "query { ...Schema } fragment Schema on Query { __type(name: \\\"Book\\\") { fields { name } } }",
        "query { ... on Query { __schema { queryType { name } } } }")) {
      HttpResponse<String> response = postJson("{\"query\":\"" + query + "\"}");
      assertRefused(response, 400, "INTROSPECTION_DISABLED", query);
      assertThat(JSON.readTree(response.body()).at("/errors/0/message").asString()).contains("gateway.introspection");
    }
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void typenameIsNotIntrospection() throws Exception {
    HttpResponse<String> response = postJson("{\"query\":\"{ __typename book(id: \\\"1\\\") { __typename title } }\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).at("/data/__typename").asString()).isEqualTo("Query");
    assertThat(JSON.readTree(response.body()).at("/data/book/title").asString()).isEqualTo("Book 1");
  }

  // --- CORS ---

  @Test
  void allowedOriginsGetTheirPreflightAnswered() throws Exception {
    for (String origin : List.of(APP, "https://m.shop.example")) {
      HttpResponse<String> preflight = send("OPTIONS", "/graphql", null, "Origin", origin,
          "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
      assertThat(preflight.statusCode()).as(origin).isEqualTo(200);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(origin);
      assertThat(preflight.headers().firstValue("access-control-allow-credentials")).hasValue("true");
      assertThat(preflight.headers().firstValue("access-control-max-age")).hasValue("600");
      assertThat(preflight.headers().firstValue("access-control-allow-methods").orElse("")).contains("POST");
    }
    HttpResponse<String> actual = send("POST", "/graphql", book("1"), "Content-Type", "application/json",
        "Origin", APP);
    assertThat(actual.statusCode()).isEqualTo(200);
    assertThat(actual.headers().firstValue("access-control-allow-origin")).hasValue(APP);
    assertThat(actual.headers().firstValue("access-control-expose-headers").orElse("")).contains("x-request-id");
  }

  @Test
  void otherOriginsAreRefused() throws Exception {
    for (String origin : List.of("https://evil.example", "https://app.example.com.evil.example", "http://app.example.com")) {
      HttpResponse<String> preflight = send("OPTIONS", "/graphql", null, "Origin", origin,
          "Access-Control-Request-Method", "POST");
      assertThat(preflight.statusCode()).as(origin).isEqualTo(403);
      assertThat(preflight.headers().firstValue("access-control-allow-origin")).as(origin).isEmpty();
      HttpResponse<String> actual = send("POST", "/graphql", book("1"), "Content-Type", "application/json",
          "Origin", origin);
      assertThat(actual.statusCode()).as(origin).isEqualTo(403);
    }
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  // --- CSRF with a custom header ---

  @Test
  void theConfiguredCsrfHeaderReplacesTheDefaultOnes() throws Exception {
    String get = "/graphql?query=" + URLEncoder.encode("{ book(id: \"1\") { title } }", StandardCharsets.UTF_8);
    assertRefused(send("GET", get, null, "apollo-require-preflight", "true"), 400, "CSRF_ERROR", "default header");
    books.verify(0, anyRequestedFor(anyUrl()));
    HttpResponse<String> allowed = send("GET", get, null, "x-shop-csrf", "1");
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(allowed.body()).at("/data/book/title").asString()).isEqualTo("Book 1");
  }

  // --- subgraph errors passed through ---

  @Test
  void exposedSubgraphErrorsPassAsWritten() throws Exception {
    books.stubFor(post(urlEqualTo("/books")).atPriority(1)
        .willReturn(aResponse().withHeader("content-type", "application/json").withBody("""
            {"data":{"book":null},"errors":[{"message":"java.sql.SQLException: boom","path":["book"],
              "extensions":{"code":"INTERNAL_SERVER_ERROR","stacktrace":"at x.Y(Y.java:1)"}}]}
            """)));
    JsonNode error = JSON.readTree(postJson(book("1")).body()).at("/errors/0");
    assertThat(error.get("message").asString()).isEqualTo("java.sql.SQLException: boom");
    assertThat(error.at("/extensions/stacktrace").asString()).isEqualTo("at x.Y(Y.java:1)");
    assertThat(error.at("/extensions/serviceName").asString()).isEqualTo("books");
  }

  private static String book(String id) {
    return "{\"query\":\"{ book(id: \\\"" + id + "\\\") { title } }\"}";
  }

  private HttpResponse<String> postJson(String body) throws Exception {
    return send("POST", "/graphql", body, "Content-Type", "application/json");
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return http.send(builder.method(method, publisher).build(), HttpResponse.BodyHandlers.ofString());
  }
}
