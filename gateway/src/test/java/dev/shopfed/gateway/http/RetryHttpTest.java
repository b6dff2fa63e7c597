package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Retries over real HTTP: a query's fetch is sent again after a 503 or a reset; a mutation's exactly once. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RetryHttpTest {

  private static final Duration BOUND = Duration.ofSeconds(3);

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
    registry.add("gateway.subgraphs.all.breaker.enabled", () -> "false");
    registry.add("gateway.subgraphs.authors.retry.max-retries", () -> "2");
    registry.add("gateway.subgraphs.authors.retry.backoff", () -> "20ms");
  }

  @AfterAll
  static void stopSubgraphs() {
    FaultySubgraphs.stop(books, authors);
  }

  @BeforeEach
  void setUp() {
    client = FaultySubgraphs.client(port);
    books.resetAll();
    authors.resetAll();
    books.stubFor(post(urlEqualTo("/books")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    FaultySubgraphs.warmUp(client);
    books.resetRequests();
  }

  @Test
  void aQueryIsRetriedAfterA503AndAResetThenServed() {
    String scenario = "recovering";
    authors.stubFor(post(urlEqualTo("/authors")).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("busy")).willSetStateTo("reset"));
    authors.stubFor(post(urlEqualTo("/authors")).inScenario(scenario).whenScenarioStateIs("reset")
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("healthy"));
    authors.stubFor(post(urlEqualTo("/authors")).inScenario(scenario).whenScenarioStateIs("healthy")
        .willReturn(SubgraphFaultsHttpTest.json("{\"data\":{\"author\":{\"name\":\"Herbert\"}}}")));

    FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH)
        .json("{\"data\":{\"book\":{\"title\":\"Dune\"},\"author\":{\"name\":\"Herbert\"}}}", true)
        .jsonPath("$.errors").doesNotExist();
    authors.verify(3, postRequestedFor(urlEqualTo("/authors")));
    books.verify(1, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void retriesStopAfterMaxRetries() {
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(aResponse().withStatus(503).withBody("busy")));
    FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH)
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors[0].message").isEqualTo("HTTP fetch failed from 'authors': 503: subgraph response is not "
            + "valid JSON");
    authors.verify(3, postRequestedFor(urlEqualTo("/authors"))); // the first attempt and 2 retries
  }

  @Test
  void aMutationIsNeverRetried() {
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(aResponse().withStatus(503).withBody("busy")));
    FaultySubgraphs.answer(BOUND, 200, client, "mutation { rateAuthor(id: \"2\", stars: 5) { name } }")
        .jsonPath("$.data.rateAuthor").isEmpty()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("INTERNAL_SERVER_ERROR")
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors");
    authors.verify(1, postRequestedFor(urlEqualTo("/authors")));

    authors.resetAll();
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    FaultySubgraphs.answer(BOUND, 200, client, "mutation { rateAuthor(id: \"2\", stars: 5) { name } }")
        .jsonPath("$.errors[0].message").isEqualTo("Subgraph 'authors' is unreachable");
    authors.verify(1, postRequestedFor(urlEqualTo("/authors")));
  }
}
