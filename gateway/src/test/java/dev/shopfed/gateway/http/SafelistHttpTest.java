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
import static dev.shopfed.gateway.http.PersistedQueriesHttpTest.extensions;
import static dev.shopfed.gateway.http.PersistedQueriesHttpTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.persisted.PersistedOperations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The safelist over real HTTP, with a manifest file in Apollo's format holding one query of the books supergraph:
 * {@code enforce} runs only that query (by id or by text), {@code log-only} runs everything and logs the rest.
 */
class SafelistHttpTest {

  static final String LISTED = "query ListedBook($id: ID!) {\n  book(id: $id) {\n    title\n  }\n}";
  static final String UNLISTED = "query OtherBook { book(id: \"2\") { title } }";
  private static WireMockServer books;
  private static Path supergraph;
  private static Path manifest;

  static void gateway(DynamicPropertyRegistry registry, String mode) throws Exception {
    if (books == null) {
      books = new WireMockServer(wireMockConfig().dynamicPort());
      books.start();
      supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
      manifest = Files.createTempFile("books-manifest", ".json");
      Files.write(manifest, JsonMapper.shared().writeValueAsBytes(Map.of(
          "format", "apollo-persisted-query-manifest", "version", 1,
          "operations", List.of(Map.of("id", sha256(LISTED), "name", "ListedBook", "type", "query", "body", LISTED)))));
      supergraph.toFile().deleteOnExit();
      manifest.toFile().deleteOnExit();
    }
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.persisted-queries.manifest", manifest::toString);
    registry.add("gateway.persisted-queries.safelist", () -> mode);
  }

  @AfterAll
  static void stopSubgraph() {
    if (books != null) {
      books.stop();
      books = null;
    }
  }

  abstract static class Gateway {
    @LocalServerPort
    int port;

    WebTestClient client;

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

    WebTestClient.ResponseSpec send(Map<String, Object> body) {
      return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
  }

  @Nested
  @SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  class Enforce extends Gateway {

    @DynamicPropertySource
    static void enforce(DynamicPropertyRegistry registry) throws Exception {
      gateway(registry, "enforce");
    }

    @Test
    void theListedQueryRunsByIdAndByText() {
      send(Map.of("variables", Map.of("id", "1"), "extensions", extensions(sha256(LISTED))))
          .expectStatus().isOk()
          .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
      send(Map.of("query", LISTED, "variables", Map.of("id", "1")))
          .expectStatus().isOk()
          .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
      send(Map.of("query", "query ListedBook($id: ID!) { book(id: $id) { title } }", "variables", Map.of("id", "1")))
          .expectStatus().isOk()
          .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
      books.verify(3, postRequestedFor(urlEqualTo("/books")));
    }

    @Test
    void otherOperationsAreRefusedAndReachNoSubgraph() {
      send(Map.of("query", UNLISTED))
          .expectStatus().isBadRequest()
          .expectBody()
          .jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST")
          .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("gateway.persisted-queries.safelist"))
          .jsonPath("$.data").doesNotExist();
      // No registration by APQ either: refused, and the hash stays unknown.
      send(Map.of("query", UNLISTED, "extensions", extensions(sha256(UNLISTED))))
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
      send(Map.of("extensions", extensions(sha256(UNLISTED))))
          .expectStatus().isOk()
          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
      client.get().uri(b -> b.path("/graphql").queryParam("query", "{query}").build(UNLISTED))
          .header("apollo-require-preflight", "true").exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_IN_LIST");
      books.verify(0, anyRequestedFor(anyUrl()));
    }
  }

  @Nested
  @SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
  class LogOnly extends Gateway {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(PersistedOperations.class);

    @DynamicPropertySource
    static void logOnly(DynamicPropertyRegistry registry) throws Exception {
      gateway(registry, "log-only");
    }

    @BeforeEach
    void captureLogs() {
      logs.start();
      logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
      logger.detachAppender(logs);
    }

    @Test
    void everythingRunsAndEachUnlistedOperationIsLoggedOnce() {
      for (int i = 0; i < 3; i++) {
        send(Map.of("query", UNLISTED))
            .expectStatus().isOk()
            .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
        send(Map.of("query", LISTED, "variables", Map.of("id", "1")))
            .expectStatus().isOk();
      }
      books.verify(6, postRequestedFor(urlEqualTo("/books")));

      List<String> logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(logged).singleElement().satisfies(line -> assertThat(line)
          .contains("OtherBook", sha256(UNLISTED))
          .doesNotContain("book(id"));
    }
  }
}
