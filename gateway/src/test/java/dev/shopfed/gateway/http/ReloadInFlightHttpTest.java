package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A supergraph reload while a slow mutation is in flight: the mutation finishes on the engine it started with and is
 * answered, although it takes longer than {@code gateway.subgraph-timeout} (the replaced engine is kept for the request
 * deadline), and the subgraph saw it once. The subgraphs' circuit breakers are the same before and after.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReloadInFlightHttpTest {

  private static WireMockServer books;
  private static WireMockServer authors;
  private static Path supergraph;

  @LocalServerPort
  int port;

  @org.springframework.beans.factory.annotation.Autowired
  ActiveEngine active;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    FaultySubgraphs.Stubs stubs = FaultySubgraphs.start(registry);
    books = stubs.books();
    authors = stubs.authors();
    supergraph = stubs.supergraph();
    registry.add("gateway.poll-interval", () -> "100ms");
    registry.add("gateway.subgraph-timeout", () -> "1s");
    registry.add("gateway.subgraphs.authors.request-timeout", () -> "8s");
    registry.add("gateway.request-timeout", () -> "8s");
  }

  @AfterAll
  static void stopSubgraphs() {
    FaultySubgraphs.stop(books, authors);
  }

  @Test
  void aMutationInFlightDuringAReloadIsAnswered() throws Exception {
    WebTestClient client = FaultySubgraphs.client(port);
    books.stubFor(post(urlEqualTo("/books")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"book\":{\"title\":\"Dune\",\"pages\":412}}}")));
    authors.stubFor(post(urlEqualTo("/authors")).willReturn(SubgraphFaultsHttpTest.json(
        "{\"data\":{\"rateAuthor\":{\"name\":\"Herbert\"}}}").withFixedDelay(3_000)));
    FaultySubgraphs.warmUp(client);
    var breakers = active.breakers();

    CompletableFuture<String> mutation = CompletableFuture.supplyAsync(() -> new String(client.post().uri("/graphql")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "mutation { rateAuthor(id: \"2\", stars: 5) { name } }"))
        .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8));
    awaitUntil(() -> !authors.findAll(postRequestedFor(urlEqualTo("/authors"))).isEmpty(), "the mutation reached authors");

    Files.writeString(supergraph, FaultySubgraphs.SDL.replace("  title: String @join__field(graph: BOOKS)\n",
        "  title: String @join__field(graph: BOOKS)\n  pages: Int @join__field(graph: BOOKS)\n"));
    awaitUntil(() -> answers(client, "{ book(id: \"1\") { pages } }").contains("412"), "the new supergraph serves");

    assertThat(mutation.get(20, TimeUnit.SECONDS)).isEqualTo("{\"data\":{\"rateAuthor\":{\"name\":\"Herbert\"}}}");
    authors.verify(1, postRequestedFor(urlEqualTo("/authors")));
    assertThat(active.breakers()).as("the breakers outlive the reload").isSameAs(breakers);
    assertThat(breakers.states()).containsEntry("books", "CLOSED");
  }

  private static String answers(WebTestClient client, String query) {
    byte[] body = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query)).exchange().expectBody().returnResult().getResponseBody();
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(50);
    }
  }
}
