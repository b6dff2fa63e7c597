package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A supergraph from a registry URL, polled with {@code If-None-Match}: a 304 keeps the one in service, a failing
 * fetch or an invalid supergraph is refused and the old one serves on, a new valid one is swapped in.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SupergraphUrlReloadTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String PATH = "/graphs/shop/supergraph";
  private static final String PAGES_QUERY = "{ book(id: \"1\") { title pages } }";
  private static final String REGISTRY_KEY = "Bearer registry-key";
  private static WireMockServer books;
  private static WireMockServer registry;

  @LocalServerPort
  int port;

  @Autowired
  SupergraphLoader loader;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry properties) {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\",\"pages\":412}}}")));
    registry = new WireMockServer(wireMockConfig().dynamicPort());
    registry.start();
    publish("v1", BooksSupergraph.SDL);
    properties.add("gateway.supergraph", () -> registry.baseUrl() + PATH);
    properties.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    properties.add("gateway.reload.url-poll-interval", () -> "100ms");
    properties.add("gateway.reload.url-headers.authorization", () -> REGISTRY_KEY);
  }

  @AfterAll
  static void stop() {
    books.stop();
    registry.stop();
  }

  @Test
  void pollsWithTheEtagAndSwapsOnlyValidNewVersions() throws Exception {
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(BOUND).build();
    assertThat(status(client)).as("pages is not in the first supergraph").isEqualTo(400);
    await("a conditional poll answered 304", () -> !registry.findAll(getRequestedFor(urlEqualTo(PATH))
        .withHeader("If-None-Match", equalTo("\"v1\""))).isEmpty());
    registry.verify(getRequestedFor(urlEqualTo(PATH)).withHeader("authorization", equalTo(REGISTRY_KEY)));
    assertThat(loader.lastProblem()).isEmpty();

    registry.resetAll();
    registry.stubFor(registryGet().willReturn(aResponse().withStatus(500)));
    await("the failing fetch to be noticed", () -> loader.lastProblem().isPresent());
    assertThat(loader.lastProblem().orElseThrow()).contains(PATH, "HTTP 500");
    assertThat(status(client)).as("old supergraph still serves").isEqualTo(400);

    publish("v1", BooksSupergraph.SDL);
    await("the registry's recovery to clear the problem", () -> loader.lastProblem().isEmpty());

    publish("v2", "this is not a supergraph {");
    await("the invalid version to be refused", () -> loader.lastProblem().orElse("").contains("Invalid supergraph"));
    assertThat(status(client)).as("old supergraph still serves").isEqualTo(400);
    client.get().uri("/health").exchange().expectStatus().isOk();

    publish("v3", BooksSupergraph.SDL_WITH_PAGES);
    await("the new valid version to be served", () -> status(client) == 200);
    assertThat(loader.lastProblem()).isEmpty();
    await("v3 to be polled conditionally", () -> !registry.findAll(getRequestedFor(urlEqualTo(PATH))
        .withHeader("If-None-Match", equalTo("\"v3\""))).isEmpty());
    assertThat(status(client)).as("a 304 keeps the served one").isEqualTo(200);
  }

  /** The registry: a version with its ETag, 304 to whoever already has it; only with the registry key. */
  private static void publish(String version, String sdl) {
    String etag = "\"" + version + "\"";
    registry.resetAll();
    registry.stubFor(registryGet().willReturn(aResponse().withHeader("ETag", etag).withBody(sdl)));
    registry.stubFor(registryGet().withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304)));
  }

  private static MappingBuilder registryGet() {
    return get(urlEqualTo(PATH)).withHeader("authorization", equalTo(REGISTRY_KEY));
  }

  private static int status(WebTestClient client) {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", PAGES_QUERY))
        .exchange()
        .returnResult(String.class).getStatus().value();
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
