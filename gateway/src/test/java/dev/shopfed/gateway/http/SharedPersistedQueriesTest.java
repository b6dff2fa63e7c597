package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.shopfed.gateway.http.PersistedQueriesHttpTest.extensions;
import static dev.shopfed.gateway.http.PersistedQueriesHttpTest.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import redis.embedded.RedisServer;

/**
 * Two gateways sharing one real Redis (a redis-server started on a free port): an operation registered through one
 * is found by hash through the other. With Redis gone, lookups are misses and registrations still run, never a 500.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // Redis is stopped by the last test
class SharedPersistedQueriesTest {

  private static final String PREFIX = "test:apq:";
  private static WireMockServer books;
  private static RedisServer redis;
  private static int redisPort;
  private static ConfigurableApplicationContext gatewayA;
  private static ConfigurableApplicationContext gatewayB;

  @BeforeAll
  static void start() throws IOException {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    books.stubFor(post(urlEqualTo("/books"))
        .withRequestBody(matchingJsonPath("$.query", containing("book")))
        .willReturn(aResponse().withHeader("content-type", "application/json")
            .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    redisPort = freePort();
    redis = RedisServer.newRedisServer().port(redisPort).bind("127.0.0.1").build();
    redis.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    gatewayA = gateway(supergraph);
    gatewayB = gateway(supergraph);
  }

  @AfterAll
  static void stop() throws IOException {
    if (gatewayA != null) {
      gatewayA.close();
    }
    if (gatewayB != null) {
      gatewayB.close();
    }
    if (redis != null && redis.isActive()) {
      redis.stop();
    }
    books.stop();
  }

  @Test
  @Order(1)
  void registeredOnOneGatewayFoundByHashOnTheOther() {
    String query = "query Shared { book(id: \"1\") { title } }";
    String hash = sha256(query);

    send(gatewayB, Map.of("extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    send(gatewayA, Map.of("query", query, "extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
    // The registration is written without waiting; the key appears within a bounded time.
    try (RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
         StatefulRedisConnection<String, String> connection = client.connect()) {
      awaitKey(connection, PREFIX + hash);
      assertThat(connection.sync().get(PREFIX + hash)).isEqualTo(query);
      long ttl = connection.sync().ttl(PREFIX + hash);
      assertThat(ttl).isBetween(3000L, 3600L);
    }

    send(gatewayB, Map.of("extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
  }

  @Test
  @Order(2)
  void redisStoppedMidTestIsACacheMissNotAnError() throws IOException {
    String query = "query WhileDown { book(id: \"1\") { title } }";
    String hash = sha256(query);
    // Connected and answering first, so the outage hits an established connection.
    send(gatewayA, Map.of("extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");

    redis.stop();
    books.resetRequests();
    long started = System.nanoTime();

    send(gatewayA, Map.of("extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    send(gatewayA, Map.of("query", query, "extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"book\":{\"title\":\"Dune\"}}}", true);
    send(gatewayB, Map.of("extensions", extensions(hash)))
        .expectStatus().isOk()
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    send(gatewayB, Map.of("query", "{ book(id: \"1\") { title } }"))
        .expectStatus().isOk();
    books.verify(2, postRequestedFor(urlEqualTo("/books")));
    // A generous bound that catches lookups waiting on the dead connection instead of failing fast.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  private static void awaitKey(StatefulRedisConnection<String, String> connection, String key) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (connection.sync().exists(key) == 0) {
      assertThat(System.nanoTime()).as("key %s written", key).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static WebTestClient.ResponseSpec send(ConfigurableApplicationContext gateway, Map<String, Object> body) {
    int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build()
        .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
  }

  private static ConfigurableApplicationContext gateway(Path supergraph) {
    return new SpringApplicationBuilder(GatewayApplication.class).run(
        "--server.port=0",
        "--gateway.supergraph=" + supergraph,
        "--gateway.subgraph-urls.books=" + books.baseUrl() + "/books",
        "--gateway.persisted-queries.redis-url=redis://127.0.0.1:" + redisPort,
        "--gateway.persisted-queries.redis-key-prefix=" + PREFIX,
        "--gateway.persisted-queries.redis-ttl=1h");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
