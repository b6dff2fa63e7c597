package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The request deadline (500 ms) over real HTTP, with authors' own timeout far longer (10 s): a slow authors is cut
 * off at the deadline. With books' data served the answer is 200 and partial; with nothing served, 504.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestDeadlineHttpTest {

  private static final Duration BOUND = Duration.ofMillis(2500);

  private static WireMockServer books;
  private static WireMockServer authors;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    FaultySubgraphs.Stubs stubs = FaultySubgraphs.start(registry);
    books = stubs.books();
    authors = stubs.authors();
    registry.add("gateway.request-timeout", () -> "500ms");
    registry.add("gateway.subgraphs.all.request-timeout", () -> "10s");
  }

  @AfterAll
  static void stopSubgraphs() {
    FaultySubgraphs.stop(books, authors);
  }

  @BeforeEach
  void setUp() {
    client = FaultySubgraphs.client(port);
    books.stubFor(post(urlEqualTo("/books")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    FaultySubgraphs.warmUp(client);
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"author\":{\"name\":\"Herbert\"}}}").withFixedDelay(3_000)));
  }

  @Test
  void aFetchStillRunningAtTheDeadlineIsCutOffAndTheRestServed() {
    FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH)
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].message").isEqualTo("The request's deadline passed before subgraph 'authors' answered "
            + "(gateway.request-timeout)")
        .jsonPath("$.errors[0].path[0]").isEqualTo("author")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("GATEWAY_TIMEOUT")
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors");
  }

  @Test
  void nothingServedByTheDeadlineIs504WithAGraphQLBody() {
    FaultySubgraphs.answer(BOUND, 504, client, "{ author(id: \"2\") { name } }")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors[0].path[0]").isEqualTo("author")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("GATEWAY_TIMEOUT");
  }
}
