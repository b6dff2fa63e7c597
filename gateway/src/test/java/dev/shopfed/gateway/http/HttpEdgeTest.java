package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.ByteArrayOutputStream;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP edge with its default settings, over real HTTP (the JDK client, which sends any header as written):
 * content types, bodies, CSRF prevention, no CORS, batching off, request ids and subgraph error masking.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class HttpEdgeTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUERY = "{\"query\":\"{ book(id: \\\"1\\\") { title } }\"}";
  private static final String DUNE = "{\"data\":{\"book\":{\"title\":\"Dune\"}}}";
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
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @BeforeEach
  void stubBooks() {
    books.resetAll();
    subgraphAnswers(DUNE);
  }

  // --- content types and bodies ---

  @Test
  void garbageContentTypesAre415WithoutAStackTrace(CapturedOutput output) throws Exception {
    for (String contentType : List.of(";;;garbage", "a/b/c", "application/json; charset=nope", "text",
        "application/json; charset=\"utf-8", "application/json; charset=iso-8859-1", "/json")) {
      HttpResponse<String> response = send("POST", "/graphql", QUERY, "Content-Type", contentType);
      assertRefused(response, 415, "UNSUPPORTED_MEDIA_TYPE", contentType);
    }
    books.verify(0, anyRequestedFor(anyUrl()));
    // Nothing above debug from the gateway's HTTP layer, and no stack trace of the header's parse failure.
    assertThat(output.getAll().lines()).noneMatch(line -> line.contains("gateway.http")
        && (line.contains(" WARN ") || line.contains(" ERROR ")));
    assertThat(output.getAll()).doesNotContain("MediaTypeException").doesNotContain("GraphQLErrorHandler");
  }

  @Test
  void garbageAcceptStillGetsJson() throws Exception {
    HttpResponse<String> response = send("POST", "/graphql", QUERY, "Content-Type", "application/json",
        "Accept", ";;;garbage, q=x");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("application/json");
    assertThat(JSON.readTree(response.body()).at("/data/book/title").asString()).isEqualTo("Dune");
  }

  @Test
  void invalidUtf8InTheBodyIs400() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write("{\"query\":\"{ book(id: \\\"1\\\") { title } }\",\"variables\":{\"x\":\"a".getBytes(StandardCharsets.UTF_8));
    body.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    body.write("\"}}".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(request("POST", "/graphql", "Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    assertRefused(response, 400, "BAD_REQUEST", "invalid UTF-8");
    assertThat(message(response)).contains("UTF-8");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  // --- CSRF prevention ---

  @Test
  void getWithoutAPreflightHeaderIsRefusedAsCsrf() throws Exception {
    assertRefused(send("GET", getQuery("{ book(id: \"1\") { title } }"), null), 400, "CSRF_ERROR", "plain GET");
    assertRefused(send("GET", getQuery("{ book(id: \"1\") { title } }"), null, "apollo-require-preflight", ""),
        400, "CSRF_ERROR", "empty header value");
    assertRefused(send("GET", getQuery("mutation { renameBook(id: \"1\", title: \"x\") { title } }"), null),
        400, "CSRF_ERROR", "GET mutation");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void getWithAPreflightHeaderOrAJsonContentTypeRuns() throws Exception {
    for (List<String> headers : List.of(List.of("apollo-require-preflight", "true"),
        List.of("x-apollo-operation-name", "Book"), List.of("Content-Type", "application/json"))) {
      HttpResponse<String> response = send("GET", getQuery("{ book(id: \"1\") { title } }"), null,
          headers.toArray(String[]::new));
      assertThat(response.statusCode()).as(headers.toString()).isEqualTo(200);
      assertThat(JSON.readTree(response.body()).at("/data/book/title").asString()).isEqualTo("Dune");
    }
    books.verify(3, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void simplePostsWithoutAPreflightHeaderAreRefusedAsCsrf() throws Exception {
    assertRefused(send("POST", "/graphql", QUERY, "Content-Type", "text/plain"), 400, "CSRF_ERROR", "text/plain");
    assertRefused(send("POST", "/graphql", QUERY, "Content-Type", "application/x-www-form-urlencoded"),
        400, "CSRF_ERROR", "form");
    assertRefused(send("POST", "/graphql", QUERY, "Content-Type", "multipart/form-data; boundary=x"),
        400, "CSRF_ERROR", "multipart");
    assertRefused(send("POST", "/graphql", QUERY), 400, "CSRF_ERROR", "no content type");
    // With the header, the content type itself is what is wrong.
    assertRefused(send("POST", "/graphql", QUERY, "Content-Type", "text/plain", "apollo-require-preflight", "1"),
        415, "UNSUPPORTED_MEDIA_TYPE", "text/plain with header");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theExplorerNeedsNoHeader() throws Exception {
    for (String path : List.of("/", "/graphql")) {
      HttpResponse<String> response = send("GET", path, null, "Accept", "text/html,*/*;q=0.8");
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body()).contains("/explorer/explorer.js");
    }
  }

  // --- CORS: none by default ---

  @Test
  void noCorsByDefault() throws Exception {
    HttpResponse<String> actual = send("POST", "/graphql", QUERY, "Content-Type", "application/json",
        "Origin", "https://evil.example");
    assertThat(actual.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));

    HttpResponse<String> preflight = send("OPTIONS", "/graphql", null, "Origin", "https://evil.example",
        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    books.verify(1, postRequestedFor(urlEqualTo("/books")));
  }

  // --- batching: off by default ---

  @Test
  void batchesAreRefusedWhenBatchingIsOff() throws Exception {
    HttpResponse<String> response = send("POST", "/graphql", "[" + QUERY + "," + QUERY + "]",
        "Content-Type", "application/json");
    assertRefused(response, 400, "BATCHING_NOT_ENABLED", "batch");
    assertThat(message(response)).contains("gateway.batching.enabled");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  // --- request ids ---

  @Test
  void everyAnswerCarriesARequestId() throws Exception {
    HttpResponse<String> fresh = send("POST", "/graphql", QUERY, "Content-Type", "application/json");
    assertThat(fresh.headers().firstValue("x-request-id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));

    HttpResponse<String> kept = send("POST", "/graphql", QUERY, "Content-Type", "application/json",
        "x-request-id", "client.Trace_42-a");
    assertThat(kept.headers().firstValue("x-request-id")).hasValue("client.Trace_42-a");

    for (String malformed : List.of("has space", "x".repeat(65), "semi;colon", "slash/es")) {
      HttpResponse<String> replaced = send("POST", "/graphql", QUERY, "Content-Type", "application/json",
          "x-request-id", malformed);
      assertThat(replaced.headers().firstValue("x-request-id")).as(malformed)
          .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
    }
    assertThat(send("GET", "/nope", null).headers().firstValue("x-request-id")).isPresent();
    assertThat(send("GET", getQuery("{ book(id: \"1\") { title } }"), null).headers().firstValue("x-request-id"))
        .as("a refusal").isPresent();
  }

  // --- error masking ---

  @Test
  void internalSubgraphErrorsAreMaskedWithTheRequestId() throws Exception {
    subgraphAnswers("""
        {"data":{"book":null},"errors":[{"message":"java.sql.SQLException: relation books missing at db-7:5432",
          "path":["book"],"locations":[{"line":1,"column":3}],
          "extensions":{"code":"INTERNAL_SERVER_ERROR","exception":{"stacktrace":["at dev.books.Repo.find(Repo.java:12)"]}}}]}
        """);
    HttpResponse<String> response = send("POST", "/graphql", QUERY, "Content-Type", "application/json",
        "x-request-id", "trace-1");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode error = JSON.readTree(response.body()).at("/errors/0");
    assertThat(error.get("message").asString()).isEqualTo("Internal error in a subgraph");
    assertThat(error.get("path").toString()).isEqualTo("[\"book\"]");
    assertThat(error.get("extensions").toString())
        .isEqualTo("{\"code\":\"INTERNAL_SERVER_ERROR\",\"serviceName\":\"books\",\"requestId\":\"trace-1\"}");
    assertThat(response.body()).doesNotContain("SQL").doesNotContain("5432").doesNotContain("Repo");
  }

  @Test
  void theRequestIdSurvivesAPersistedQueryLookup() throws Exception {
    subgraphAnswers("{\"data\":{\"book\":null},\"errors\":[{\"message\":\"secret\",\"path\":[\"book\"]}]}");
    String query = "{ book(id: \\\"1\\\") { title } }";
    String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest("{ book(id: \"1\") { title } }".getBytes(StandardCharsets.UTF_8)));
    String body = "{\"query\":\"" + query + "\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
        + hash + "\"}}}";
    HttpResponse<String> response = send("POST", "/graphql", body, "Content-Type", "application/json",
        "x-request-id", "apq-1");
    assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/requestId").asString())
        .as(response.body()).isEqualTo("apq-1");
  }

  @Test
  void codedSubgraphErrorsKeepTheirMessageButNotTheirInternals() throws Exception {
    subgraphAnswers("""
        {"data":{"book":null},"errors":[{"message":"Book 1 is not for sale","path":["book"],
          "extensions":{"code":"FORBIDDEN","errorType":"PERMISSION_DENIED","stacktrace":"at x.Y(Y.java:1)",
            "exception":{"message":"boom"},"debugInfo":{"sql":"select 1"},"origin":"com.acme.books.BookFetcher",
            "reason":"sold out"}}]}
        """);
    JsonNode error = JSON.readTree(send("POST", "/graphql", QUERY, "Content-Type", "application/json").body())
        .at("/errors/0");
    assertThat(error.get("message").asString()).isEqualTo("Book 1 is not for sale");
    assertThat(error.get("extensions").toString()).isEqualTo(
        "{\"code\":\"FORBIDDEN\",\"errorType\":\"PERMISSION_DENIED\",\"reason\":\"sold out\",\"serviceName\":\"books\"}");
  }

  @Test
  void aSubgraphRefusingTheWholeRequestWithAnInternalErrorIsMasked() throws Exception {
    subgraphAnswers("{\"errors\":[{\"message\":\"NullPointerException in dev.books.Fetcher\"}]}");
    HttpResponse<String> response = send("POST", "/graphql", QUERY, "Content-Type", "application/json");
    JsonNode error = JSON.readTree(response.body()).at("/errors/0");
    assertThat(error.get("message").asString()).isEqualTo("Internal error in a subgraph");
    assertThat(error.at("/extensions/code").asString()).isEqualTo("INTERNAL_SERVER_ERROR");
    assertThat(error.at("/extensions/requestId").asString())
        .isEqualTo(response.headers().firstValue("x-request-id").orElseThrow());
    assertThat(response.body()).doesNotContain("NullPointer");
  }

  @Test
  void introspectionIsOnByDefault() throws Exception {
    HttpResponse<String> response = send("POST", "/graphql", "{\"query\":\"{ __schema { queryType { name } } }\"}",
        "Content-Type", "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).at("/data/__schema/queryType/name").asString()).isEqualTo("Query");
  }

  private void subgraphAnswers(String body) {
    books.stubFor(post(urlEqualTo("/books"))
        .willReturn(aResponse().withHeader("content-type", "application/json").withBody(body)));
  }

  private static String getQuery(String query) {
    return "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
  }

  private HttpRequest.Builder request(String method, String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.BodyPublisher publisher = body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return http.send(request(method, path, headers).method(method, publisher).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String message(HttpResponse<String> response) {
    return JSON.readTree(response.body()).at("/errors/0/message").asString();
  }

  static void assertRefused(HttpResponse<String> response, int status, String code, String because) {
    assertThat(response.statusCode()).as(because + ": " + response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type").orElse("")).as(because).startsWith("application/json");
    assertThat(response.headers().firstValue("x-request-id")).as(because).isPresent();
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("errors").size()).as(because).isEqualTo(1);
    assertThat(body.at("/errors/0/extensions/code").asString()).as(because).isEqualTo(code);
    assertThat(body.at("/errors/0/message").asString()).as(because).isNotBlank();
    assertThat(body.has("data")).as(because).isFalse();
  }
}
