package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One subgraph failing in every way a network and a server fail, over real HTTP: {@code books} healthy, {@code authors}
 * faulty (WireMock); down (nothing listens) is
 * {@link SubgraphDownHttpTest}. Each time the client gets books' data, authors' field null with one
 * error naming the subgraph, HTTP 200, within the subgraph timeout (1 s) and 2 s. The breaker is off here
 * ({@link CircuitBreakerHttpTest} has it), so each fault is seen as it is.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubgraphFaultsHttpTest {

  /** The subgraph timeout and 2 s: each answer's latency bound. */
  private static final Duration BOUND = Duration.ofSeconds(3);
  private static final String UNREACHABLE = "Subgraph 'authors' is unreachable";

  private static WireMockServer books;
  private static WireMockServer authors;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    FaultySubgraphs.Stubs stubs = FaultySubgraphs.start(registry);
    books = stubs.books();
    authors = stubs.authors();
    registry.add("gateway.subgraphs.all.request-timeout", () -> "1s");
    registry.add("gateway.subgraphs.all.max-response-size", () -> "64KB");
    registry.add("gateway.subgraphs.all.breaker.enabled", () -> "false");
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
    books.stubFor(post(urlEqualTo("/books")).willReturn(json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    FaultySubgraphs.warmUp(client);
  }

  @Test
  void healthyAnswersAreMerged() {
    authorsAnswer(json("{\"data\":{\"author\":{\"name\":\"Herbert\"}}}"));
    FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH)
        .json("{\"data\":{\"book\":{\"title\":\"Dune\"},\"author\":{\"name\":\"Herbert\"}}}", true);
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, names = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE",
      "MALFORMED_RESPONSE_CHUNK"})
  void aBrokenConnectionCostsOnlyTheSubgraphsFields(Fault fault) {
    authorsAnswer(aResponse().withFault(fault));
    authorsFailed(FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH), UNREACHABLE, "INTERNAL_SERVER_ERROR");
  }

  @Test
  void aSubgraphSlowerThanItsTimeoutIsCutOff() {
    authorsAnswer(json("{\"data\":{\"author\":{\"name\":\"Herbert\"}}}").withFixedDelay(5_000));
    authorsFailed(FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH),
        "HTTP fetch failed from 'authors': request timed out", "INTERNAL_SERVER_ERROR");
  }

  @Test
  void anHttp500IsAFailedFetch() {
    authorsAnswer(aResponse().withStatus(500).withBody("Internal Server Error"));
    authorsFailed(FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH),
        "HTTP fetch failed from 'authors': 500: subgraph response is not valid JSON", "INTERNAL_SERVER_ERROR");
    authors.verify(1, postRequestedFor(urlEqualTo("/authors"))); // a 500 is an answer: not retried
  }

  @Test
  void malformedJsonIsAFailedFetch() {
    authorsAnswer(json("{\"data\":{\"author\":{\"name\":"));
    authorsFailed(FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH),
        "HTTP fetch failed from 'authors': subgraph response is not valid JSON", "INTERNAL_SERVER_ERROR");
  }

  @Test
  void aTruncatedBodyIsAFailedFetch() {
    // announces more than it sends, then closes
    authorsAnswer(json("{\"data\":{\"author\":").withHeader("content-length", "400"));
    authorsFailed(FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH), UNREACHABLE, "INTERNAL_SERVER_ERROR");
  }

  @Test
  void aHugeBodyIsCutOffAtTheSubgraphsCap() {
    authorsAnswer(json("{\"data\":{\"author\":{\"name\":\"" + "n".repeat(200 * 1024) + "\"}}}"));
    FaultySubgraphs.answer(BOUND, 200, client, FaultySubgraphs.BOTH)
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].path[0]").isEqualTo("author")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBGRAPH_RESPONSE_TOO_LARGE")
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains(Integer.toString(64 * 1024)));
  }

  /** Books' title, authors' field null, one error: the message, at the failed fetch's field, its code. */
  private static void authorsFailed(WebTestClient.BodyContentSpec body, String message, String code) {
    body.jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].message").isEqualTo(message)
        .jsonPath("$.errors[0].path").isEqualTo(java.util.List.of("author"))
        .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("authors");
  }

  private static void authorsAnswer(ResponseDefinitionBuilder answer) {
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(answer));
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("content-type", "application/json").withBody(body);
  }
}
