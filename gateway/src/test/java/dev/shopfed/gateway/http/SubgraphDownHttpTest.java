package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code authors} down: nothing listens on its port, every connection is refused (and retried, being a query's). Books'
 * data is served at once, authors' field null with one error; after 4 refusals its breaker is open and authors is not
 * tried any more.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubgraphDownHttpTest {

  private static WireMockServer books;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    registry.add("gateway.supergraph", () -> FaultySubgraphs.supergraphFile().toString());
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.authors", () -> "http://127.0.0.1:" + closedPort + "/authors");
    registry.add("gateway.subgraphs.authors.breaker.window-size", () -> "4");
    registry.add("gateway.subgraphs.authors.breaker.minimum-calls", () -> "4");
  }

  @AfterAll
  static void stopSubgraphs() {
    books.stop();
  }

  @Test
  void aSubgraphDownCostsOnlyItsFieldsThenItsBreakerOpens() {
    books.stubFor(post(urlEqualTo("/books")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    FaultySubgraphs.warmUp(FaultySubgraphs.client(port));
    var client = FaultySubgraphs.client(port);
    // 3 refusals: the first attempt and 2 retries
    FaultySubgraphs.answer(Duration.ofSeconds(3), 200, client, FaultySubgraphs.BOTH)
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].message").isEqualTo("Subgraph 'authors' is unreachable")
        .jsonPath("$.errors[0].path").isEqualTo(java.util.List.of("author"))
        .jsonPath("$.errors[0].extensions.code").isEqualTo("INTERNAL_SERVER_ERROR")
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors");
    // the 4th refusal opens the breaker, which ends the retries; then authors is not tried at all
    for (int i = 0; i < 2; i++) {
      FaultySubgraphs.answer(Duration.ofSeconds(2), 200, client, FaultySubgraphs.BOTH)
          .jsonPath("$.data.book.title").isEqualTo("Dune")
          .jsonPath("$.data.author").isEmpty()
          .jsonPath("$.errors.length()").isEqualTo(1)
          .jsonPath("$.errors[0].path[0]").isEqualTo("author")
          .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBGRAPH_UNAVAILABLE")
          .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors");
    }
  }
}
