package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The gateway over real HTTP: a random port, the books supergraph, and WireMock as the books subgraph.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GraphQLHttpTest {

  private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");
  private static final int MAX_REQUEST_BYTES = 4096;
  private static WireMockServer books;

  @LocalServerPort
  int port;

  WebTestClient client;
  /** A client that sends Apollo's CSRF header, as GET requests must (gateway.csrf). */
  WebTestClient preflighted;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.propagate-headers", () -> "X-Tenant");
    registry.add("gateway.max-request-size", () -> MAX_REQUEST_BYTES + "B");
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @BeforeEach
  void setUp() {
    // Generous: the first request of a fresh JVM on a busy machine can take seconds.
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    preflighted = client.mutate().defaultHeader("apollo-require-preflight", "true").build();
    books.resetAll();
    books.stubFor(post(urlEqualTo("/books"))
        .withRequestBody(matchingJsonPath("$.query", containing("book")))
        .willReturn(aResponse().withHeader("content-type", "application/json")
            .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
  }

  @Test
  void postRunsTheOperationAgainstTheSubgraph() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("X-Tenant", "t1")
        .bodyValue(Map.of("query", "query Book($id: ID!) { book(id: $id) { title } }", "variables", Map.of("id", "7")))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);

    // The configured header is forwarded; the subgraph got the variable.
    books.verify(1, postRequestedFor(urlEqualTo("/books"))
        .withHeader("x-tenant", equalTo("t1"))
        .withRequestBody(containing("\"7\"")));
  }

  @Test
  void answersGraphQLResponseJsonWhenTheClientAcceptsIt() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .accept(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: \"1\") { title } }"))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(GRAPHQL_RESPONSE)
        .expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");
  }

  @Test
  void explainHeaderReturnsTheQueryPlan() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("apollo-expose-query-plan", "true")
        .bodyValue(Map.of("query", "{ book(id: \"1\") { title } }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.extensions.queryPlan.text").value(text -> assertThat((String) text).contains("books"))
        .jsonPath("$.extensions.queryPlan.object.kind").isEqualTo("QueryPlan")
        .jsonPath("$.extensions.queryPlan.object.node.kind").isEqualTo("Fetch")
        .jsonPath("$.extensions.queryPlan.object.node.serviceName").isEqualTo("books");
  }

  @Test
  void noPlanWithoutTheExplainHeader() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: \"1\") { title } }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.extensions").doesNotExist();
  }

  @Test
  void getRunsAQuery() {
    preflighted.get().uri(b -> b.path("/graphql")
            .queryParam("query", "{query}").queryParam("variables", "{variables}").build(
                "query Book($id: ID!) { book(id: $id) { title } }", "{\"id\":\"3\"}"))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
    books.verify(1, postRequestedFor(urlEqualTo("/books")).withRequestBody(containing("\"3\"")));
  }

  @Test
  void getRefusesAMutationWith405() {
    preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}")
            .build("mutation { renameBook(id: \"1\", title: \"x\") { title } }"))
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
        .expectHeader().valueEquals("Allow", "POST")
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.errors[0].message").isEqualTo("Mutations are only accepted over POST")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("METHOD_NOT_ALLOWED")
        .jsonPath("$.data").doesNotExist();
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void getRunsTheQueryOfADocumentThatAlsoHoldsAMutation() {
    String document = "query Read { book(id: \"1\") { title } } mutation Write { renameBook(id: \"1\", title: \"x\") { title } }";
    preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").queryParam("operationName", "Read")
            .build(document))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");

    preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").queryParam("operationName", "Write")
            .build(document))
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
  }

  @Test
  void postRunsAMutation() {
    books.stubFor(post(urlEqualTo("/books"))
        .withRequestBody(matchingJsonPath("$.query", containing("renameBook")))
        .willReturn(aResponse().withHeader("content-type", "application/json")
            .withBody("{\"data\":{\"renameBook\":{\"title\":\"x\"}}}")));
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "mutation { renameBook(id: \"1\", title: \"x\") { title } }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"renameBook\":{\"title\":\"x\"}}}", true);
  }

  @Test
  void invalidOperationIs400WithTheEngineErrors() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: \"1\") { nope } }"))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("nope"))
        .jsonPath("$.data").doesNotExist();
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void syntaxErrorOverGetIs400FromTheEngine() {
    preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build("{ book(id: "))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].message").exists();
  }

  @Test
  void malformedBodiesAre400() {
    for (String body : List.of(
        "{\"query\": ",
        "\"{ book(id: 1) { title } }\"",
        "{\"query\":\"{ book(id: \\\"1\\\") { title } }\"} trailing",
        "{}",
        "{\"query\": null}",
        "{\"query\": \"\"}",
        "{\"query\": \"  \"}",
        "{\"query\": 42}",
        "{\"query\": \"{ book(id: \\\"1\\\") { title } }\", \"variables\": [1]}",
        "{\"query\": \"{ book(id: \\\"1\\\") { title } }\", \"variables\": \"{}\"}",
        "{\"query\": \"{ book(id: \\\"1\\\") { title } }\", \"operationName\": 3}",
        "{\"query\": \"{ book(id: \\\"1\\\") { title } }\", \"extensions\": true}")) {
      expectGraphQLError(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
          .exchange(), HttpStatus.BAD_REQUEST, "BAD_REQUEST", body);
    }
    expectGraphQLError(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).exchange(),
        HttpStatus.BAD_REQUEST, "BAD_REQUEST", "empty body");
    // An array is a batch, which is off by default.
    expectGraphQLError(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue("[1, 2]")
        .exchange(), HttpStatus.BAD_REQUEST, "BATCHING_NOT_ENABLED", "[1, 2]");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void errorsUseTheNegotiatedContentType() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
        .bodyValue("{\"query\": \"\"}")
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(GRAPHQL_RESPONSE)
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
  }

  @Test
  void badGetParametersAre400() {
    expectGraphQLError(preflighted.get().uri("/graphql").accept(MediaType.APPLICATION_JSON).exchange(),
        HttpStatus.BAD_REQUEST, "BAD_REQUEST", "no query");
    expectGraphQLError(preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}")
            .queryParam("variables", "{v}").build("{ book(id: \"1\") { title } }", "{not json")).exchange(),
        HttpStatus.BAD_REQUEST, "BAD_REQUEST", "variables not JSON");
    expectGraphQLError(preflighted.get().uri(b -> b.path("/graphql").queryParam("query", "{q}")
            .queryParam("variables", "{v}").build("{ book(id: \"1\") { title } }", "[1]")).exchange(),
        HttpStatus.BAD_REQUEST, "BAD_REQUEST", "variables not an object");
  }

  @Test
  void unsupportedContentTypeIs415() {
    // With the CSRF header, so that the content type is what gets refused.
    expectGraphQLError(preflighted.post().uri("/graphql").contentType(MediaType.TEXT_PLAIN)
            .bodyValue("{ book(id: \"1\") { title } }").exchange(),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "text/plain");
    expectGraphQLError(preflighted.post().uri("/graphql").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("query=x").exchange(),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "form");
  }

  @Test
  void oversizedBodyIs413() {
    String big = "{\"query\":\"{ book(id: \\\"1\\\") { title } }\",\"variables\":{\"pad\":\""
        + "x".repeat(MAX_REQUEST_BYTES) + "\"}}";
    expectGraphQLError(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
        .exchange(), HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE", "with content-length");

    // Chunked: no Content-Length up front, so the limit applies while reading.
    Flux<DataBuffer> chunks = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance
        .wrap(big.substring(i * big.length() / 8, (i + 1) * big.length() / 8).getBytes(StandardCharsets.UTF_8)));
    expectGraphQLError(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .body(chunks, DataBuffer.class).exchange(), HttpStatus.CONTENT_TOO_LARGE, "CONTENT_TOO_LARGE", "chunked");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void bodyJustUnderTheLimitIsAccepted() {
    String prefix = "{\"query\":\"{ book(id: \\\"1\\\") { title } }\",\"variables\":{\"pad\":\"";
    String body = prefix + "x".repeat(MAX_REQUEST_BYTES - prefix.length() - 3) + "\"}}";
    assertThat(body).hasSize(MAX_REQUEST_BYTES);
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange()
        .expectStatus().isOk();
  }

  @Test
  void unknownPathIs404Json() {
    expectGraphQLError(client.get().uri("/nope").exchange(), HttpStatus.NOT_FOUND, "NOT_FOUND", "/nope");
    expectGraphQLError(client.get().uri("/graphql/extra").accept(MediaType.TEXT_HTML).exchange(),
        HttpStatus.NOT_FOUND, "NOT_FOUND", "/graphql/extra");
    expectGraphQLError(client.get().uri("/explorer/vendor/missing.js").exchange(),
        HttpStatus.NOT_FOUND, "NOT_FOUND", "missing asset");
  }

  @Test
  void otherMethodsOnGraphQLAre405() {
    client.method(HttpMethod.PUT).uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"query\":\"{ book(id: \\\"1\\\") { title } }\"}")
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
        .expectHeader().value("Allow", allow -> assertThat(allow).contains("GET").contains("POST"))
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("METHOD_NOT_ALLOWED");
  }

  @Test
  void browsersGetTheExplorer() {
    for (String path : List.of("/", "/graphql")) {
      client.get().uri(path).accept(MediaType.TEXT_HTML, MediaType.ALL)
          .exchange()
          .expectStatus().isOk()
          .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
          .expectBody(String.class).value(html -> assertThat(html).contains("/explorer/explorer.js"));
    }
  }

  @Test
  void healthIsUpOnceLoaded() {
    client.get().uri("/health")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"status\":\"UP\"}", true);
  }

  private static void expectGraphQLError(WebTestClient.ResponseSpec response, HttpStatus status, String code,
      String because) {
    response
        .expectStatus().value(s -> assertThat(s).as(because).isEqualTo(status.value()))
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).as(because).isNotBlank())
        .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
        .jsonPath("$.data").doesNotExist();
  }
}
