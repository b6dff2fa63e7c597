package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.ratelimit.NanoClock;
import dev.shopfed.gateway.ratelimit.RateLimit;
import dev.shopfed.gateway.ratelimit.RateLimiter;
import dev.shopfed.gateway.ratelimit.RedisRateLimiter;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * The gateway limiting through a real Redis, whose allowance another replica (a second limiter on the same Redis and
 * prefix) shares.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisRateLimitHttpTest {

  private static WireMockServer books;
  private static RedisServer redis;
  private static int redisPort;

  @LocalServerPort
  int port;

  @Autowired
  RateLimiter limiter;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    try (ServerSocket socket = new ServerSocket(0)) {
      redisPort = socket.getLocalPort();
    }
    redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    redis.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.rate-limit.enabled", () -> "true");
    registry.add("gateway.rate-limit.key-header", () -> "x-client-id");
    // 0.01 per second: no token comes back while the test runs, however slow the machine
    registry.add("gateway.rate-limit.requests-per-second", () -> "0.01");
    registry.add("gateway.rate-limit.burst", () -> "3");
    registry.add("gateway.rate-limit.redis-url", () -> "redis://127.0.0.1:" + redisPort);
    registry.add("gateway.rate-limit.redis-key-prefix", () -> "test:");
  }

  @AfterAll
  static void stop() throws IOException {
    books.stop();
    if (redis != null && redis.isActive()) {
      redis.stop();
    }
  }

  @Test
  void anotherReplicaDrawsOnTheSameAllowance() {
    assertThat(limiter).isInstanceOf(RedisRateLimiter.class);
    awaitConnected((RedisRateLimiter) limiter);
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();
    String clientId = "client-" + UUID.randomUUID();
    try (RedisRateLimiter otherReplica = new RedisRateLimiter(new RateLimit(0.01, 3), "redis://127.0.0.1:" + redisPort,
        "test:", Duration.ofSeconds(2), Duration.ofMinutes(1), NanoClock.system())) {
      awaitConnected(otherReplica);
      String key = "client:" + clientId; // what ClientKey makes of the x-client-id header
      assertThat(otherReplica.acquire(key).join().allowed()).isTrue();
      for (int i = 0; i < 2; i++) {
        query(client, clientId).expectStatus().isOk().expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");
      }
      query(client, clientId).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
          .expectHeader().value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(50L, 100L))
          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("REQUEST_RATE_LIMITED");
      assertThat(otherReplica.acquire(key).join().allowed()).isFalse();
    }
  }

  private static WebTestClient.ResponseSpec query(WebTestClient client, String clientId) {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("x-client-id", clientId)
        .bodyValue(Map.of("query", "{ book(id: \"1\") { title } }")).exchange();
  }

  private static void awaitConnected(RedisRateLimiter limiter) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!limiter.connected()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no connection to Redis within 60 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
