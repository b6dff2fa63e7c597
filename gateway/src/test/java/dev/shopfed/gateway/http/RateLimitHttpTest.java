package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.ratelimit.InMemoryRateLimiter;
import dev.shopfed.gateway.ratelimit.ManualClock;
import dev.shopfed.gateway.ratelimit.NanoClock;
import dev.shopfed.gateway.ratelimit.RateLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Rate limiting over real HTTP: 1 request per second with a burst of 3 per {@code x-client-id}, on a clock the test
 * moves by hand.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RateLimitHttpTest.Clock.class)
class RateLimitHttpTest {

  private static final String QUERY = "{ book(id: \"1\") { title } }";
  private static WireMockServer books;

  @TestConfiguration(proxyBeanMethods = false)
  static class Clock {
    @Bean
    ManualClock rateLimitClock() {
      return new ManualClock();
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  ManualClock clock;

  @Autowired
  RateLimiter limiter;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.rate-limit.enabled", () -> "true");
    registry.add("gateway.rate-limit.key-header", () -> "x-client-id");
    registry.add("gateway.rate-limit.requests-per-second", () -> "1");
    registry.add("gateway.rate-limit.burst", () -> "3");
    registry.add("gateway.rate-limit.max-clients", () -> "50");
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
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
  }

  @Test
  void usesTheTestClock() {
    assertThat(limiter).isInstanceOf(InMemoryRateLimiter.class);
    assertThat(clock).isInstanceOf(NanoClock.class);
  }

  @Test
  void allowsTheBurstThenRefusesWith429RetryAfterAndItsCode() {
    String clientId = newClient();
    for (int i = 0; i < 3; i++) {
      query(clientId).expectStatus().isOk().expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");
    }
    query(clientId)
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectHeader().valueEquals("Retry-After", "1")
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_RATE_LIMITED")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("1 requests per second with a burst of 3", "gateway.rate-limit.requests-per-second"))
        .jsonPath("$.data").doesNotExist();
    books.verify(3, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void aRefusedRequestIsNotReadNorSentOn() {
    String clientId = newClient();
    for (int i = 0; i < 3; i++) {
      query(clientId).expectStatus().isOk().expectBody().returnResult();
    }
    books.resetRequests();
    // Not even valid JSON: refused before the body is looked at
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("x-client-id", clientId)
        .bodyValue("{ not json")
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_RATE_LIMITED");
    client.get().uri(b -> b.path("/graphql").queryParam("query", "{q}").build(QUERY))
        .header("x-client-id", clientId)
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    books.verify(0, postRequestedFor(urlEqualTo("/books")));
  }

  @Test
  void anotherClientIsNotAffected() {
    String limited = newClient();
    for (int i = 0; i < 4; i++) {
      query(limited).expectBody().returnResult();
    }
    query(limited).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    query(newClient()).expectStatus().isOk().expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");
  }

  @Test
  void requestsWithoutTheHeaderCountAgainstTheRemoteAddress() {
    // Every test client comes from 127.0.0.1; move the clock so the address's bucket is full.
    clock.advance(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      graphqlPost().exchange().expectStatus().isOk().expectBody().returnResult();
    }
    graphqlPost().exchange().expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    query(newClient()).expectStatus().isOk().expectBody().returnResult();
  }

  @Test
  void refillsAsTimePasses() {
    String clientId = newClient();
    for (int i = 0; i < 3; i++) {
      query(clientId).expectStatus().isOk().expectBody().returnResult();
    }
    query(clientId).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    clock.advance(Duration.ofMillis(1000));
    query(clientId).expectStatus().isOk().expectBody().returnResult();
    query(clientId).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      query(clientId).expectStatus().isOk().expectBody().returnResult();
    }
    query(clientId).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS).expectBody().returnResult();
  }

  @Test
  void aFloodOfClientIdsKeepsTheStoreBounded() {
    for (int i = 0; i < 300; i++) {
      query(newClient()).expectStatus().isOk().expectBody().returnResult();
    }
    assertThat(((InMemoryRateLimiter) limiter).trackedClients()).isLessThanOrEqualTo(50);
  }

  @Test
  void healthChecksAreNotLimited() {
    for (int i = 0; i < 10; i++) {
      client.get().uri("/health").exchange().expectStatus().isOk().expectBody().returnResult();
    }
  }

  private WebTestClient.ResponseSpec query(String clientId) {
    return graphqlPost().header("x-client-id", clientId).exchange();
  }

  private WebTestClient.RequestHeadersSpec<?> graphqlPost() {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", QUERY));
  }

  private static String newClient() {
    return "client-" + UUID.randomUUID();
  }
}
