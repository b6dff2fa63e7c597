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

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Automatic persisted queries over real HTTP, as Apollo Client sends them (POST, and GET with
 * {@code useGETForHashedQueries}): the books supergraph, WireMock as the books subgraph.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersistedQueriesHttpTest {

  private static WireMockServer books;

  @LocalServerPort
  int port;

  WebTestClient client;

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
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    books.resetAll();
    books.stubFor(post(urlEqualTo("/books"))
        .withRequestBody(matchingJsonPath("$.query", containing("book")))
        .willReturn(aResponse().withHeader("content-type", "application/json")
            .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
  }

  @Test
  void missThenRegisterThenHitByHashAlone() {
    String query = "query Apq1 { book(id: \"1\") { title } }";
    Map<String, Object> extensions = extensions(sha256(query));

    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("extensions", extensions))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.errors[0].message").isEqualTo("PersistedQueryNotFound")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND")
        .jsonPath("$.data").doesNotExist();
    books.verify(0, anyRequestedFor(anyUrl()));

    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query, "extensions", extensions))
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);

    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("extensions", extensions))
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
    books.verify(2, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void getWithTheHashAloneRunsARegisteredQuery() {
    String query = "query Apq2($id: ID!) { book(id: $id) { title } }";
    String hash = sha256(query);
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query, "variables", Map.of("id", "1"), "extensions", extensions(hash)))
        .exchange()
        .expectStatus().isOk();

    client.get().uri(b -> b.path("/graphql").queryParam("operationName", "Apq2")
            .queryParam("variables", "{variables}").queryParam("extensions", "{extensions}")
            .build("{\"id\":\"9\"}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"))
        .header("apollo-require-preflight", "true") // GET needs a CSRF header (gateway.csrf)
        .accept(MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
    books.verify(1, postRequestedFor(urlEqualTo("/books")).withRequestBody(containing("\"9\"")));
  }

  @Test
  void getWithAnUnknownHashIsNotFound() {
    client.get().uri(b -> b.path("/graphql").queryParam("extensions", "{extensions}")
            .build("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256("{ unknown }") + "\"}}"))
        .header("apollo-require-preflight", "true") // GET needs a CSRF header (gateway.csrf)
        .accept(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON)
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
  }

  @Test
  void getWithTheHashOfAMutationIsRefused() {
    String mutation = "mutation { renameBook(id: \"1\", title: \"X\") { title } }";
    String hash = sha256(mutation);
    books.stubFor(post(urlEqualTo("/books"))
        .withRequestBody(matchingJsonPath("$.query", containing("renameBook")))
        .willReturn(aResponse().withHeader("content-type", "application/json")
            .withBody("{\"data\":{\"renameBook\":{\"title\":\"X\"}}}")));
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", mutation, "extensions", extensions(hash)))
        .exchange()
        .expectStatus().isOk();
    books.resetRequests();

    client.get().uri(b -> b.path("/graphql").queryParam("extensions", "{extensions}")
            .build("{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"))
        .header("apollo-require-preflight", "true") // GET needs a CSRF header (gateway.csrf)
        .exchange()
        .expectStatus().isEqualTo(405)
        .expectHeader().valueEquals("Allow", "POST")
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("METHOD_NOT_ALLOWED");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aHashThatIsNotTheQuerysIsRefused() {
    String query = "{ book(id: \"1\") { title } }";
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query, "extensions", extensions(sha256(query + " "))))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
        .jsonPath("$.data").doesNotExist();
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void unsupportedVersionsAndMalformedHashesAreBadRequests() {
    String query = "{ book(id: \"1\") { title } }";
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query, "extensions",
            Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", sha256(query)))))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "../../etc"))))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("extensions", Map.of()))
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  static Map<String, Object> extensions(String hash) {
    return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
