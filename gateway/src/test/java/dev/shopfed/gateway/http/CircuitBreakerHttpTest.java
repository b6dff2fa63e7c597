package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The breaker of {@code authors} over real HTTP: after 4 failed requests out of 4 it opens, and the next requests get
 * {@code SUBGRAPH_UNAVAILABLE} at authors' field at once, without authors being asked; books is served throughout.
 * After the wait (1 s) one probe goes through; once authors is healthy again, the breaker closes.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CircuitBreakerHttpTest {

  private static WireMockServer books;
  private static WireMockServer authors;

  @LocalServerPort
  int port;

  @Autowired
  ActiveEngine active;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    FaultySubgraphs.Stubs stubs = FaultySubgraphs.start(registry);
    books = stubs.books();
    authors = stubs.authors();
    registry.add("gateway.subgraphs.all.retry.enabled", () -> "false");
    registry.add("gateway.subgraphs.authors.breaker.window-size", () -> "4");
    registry.add("gateway.subgraphs.authors.breaker.minimum-calls", () -> "4");
    registry.add("gateway.subgraphs.authors.breaker.wait-in-open", () -> "1s");
    registry.add("gateway.subgraphs.authors.breaker.half-open-calls", () -> "1");
  }

  @AfterAll
  static void stopSubgraphs() {
    FaultySubgraphs.stop(books, authors);
  }

  @Test
  void opensAfterFailuresAnswersAtOnceAndClosesWhenHealthyAgain() throws InterruptedException {
    WebTestClient client = FaultySubgraphs.client(port);
    books.stubFor(post(urlEqualTo("/books")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    FaultySubgraphs.warmUp(FaultySubgraphs.client(port));
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(aResponse().withStatus(503).withBody("busy")));
    for (int i = 0; i < 4; i++) {
      FaultySubgraphs.answer(Duration.ofSeconds(3), 200, client, FaultySubgraphs.BOTH)
          .jsonPath("$.errors[0].extensions.code").isEqualTo("INTERNAL_SERVER_ERROR");
    }
    assertThat(active.breakers().states()).containsEntry("authors", "OPEN").containsEntry("books", "CLOSED");

    authors.resetRequests();
    for (int i = 0; i < 3; i++) {
      FaultySubgraphs.answer(Duration.ofSeconds(2), 200, client, FaultySubgraphs.BOTH)
          .jsonPath("$.data.book.title").isEqualTo("Dune")
          .jsonPath("$.data.author").isEmpty()
          .jsonPath("$.errors.length()").isEqualTo(1)
          .jsonPath("$.errors[0].path[0]").isEqualTo("author")
          .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBGRAPH_UNAVAILABLE")
          .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors")
          .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith(
              "Subgraph 'authors' is unavailable"));
    }
    authors.verify(0, postRequestedFor(urlEqualTo("/authors")));

    authors.stubFor(post(urlEqualTo("/authors")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"author\":{\"name\":\"Herbert\"}}}")));
    awaitServed(client, Duration.ofSeconds(5));
    assertThat(active.breakers().states()).containsEntry("authors", "CLOSED");
    authors.verify(1, postRequestedFor(urlEqualTo("/authors"))); // the probe, then closed
  }

  /** Polls (bounded) until authors is asked again: the breaker half-opened, the probe succeeded, and it closed. */
  private static void awaitServed(WebTestClient client, Duration bound) throws InterruptedException {
    long until = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < until) {
      String body = new String(FaultySubgraphs.answer(Duration.ofSeconds(2), 200, client, FaultySubgraphs.BOTH)
          .returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
      if (body.contains("Herbert")) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the breaker of authors did not close within " + bound);
  }
}
