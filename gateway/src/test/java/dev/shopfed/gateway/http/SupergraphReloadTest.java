package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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

/** A watched supergraph file: a clean change is swapped in, a broken one is refused and the old engine serves on. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SupergraphReloadTest {

  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final String PAGES_QUERY = "{ book(id: \"1\") { title pages } }";
  private static WireMockServer books;
  private static Path supergraph;

  @LocalServerPort
  int port;

  @Autowired
  SupergraphLoader loader;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\",\"pages\":412}}}")));
    supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-reload", ".graphql"), BooksSupergraph.SDL);
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.poll-interval", () -> "100ms");
  }

  @AfterAll
  static void cleanUp() throws Exception {
    books.stop();
    Files.deleteIfExists(supergraph);
  }

  @Test
  void swapsInAChangedSupergraphAndKeepsTheOldOneWhenTheChangeIsBroken() throws Exception {
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(BOUND).build();
    assertThat(status(client)).as("pages is not in the first supergraph").isEqualTo(400);

    rewrite(BooksSupergraph.SDL_WITH_PAGES);
    await("the new supergraph to be served", () -> status(client) == 200);

    rewrite("this is not a supergraph {");
    await("the broken change to be refused", () -> loader.lastProblem().isPresent());
    assertThat(loader.lastProblem().orElseThrow()).contains(supergraph.toString());
    assertThat(status(client)).as("old engine still serves").isEqualTo(200);
    client.get().uri("/health").exchange().expectStatus().isOk();

    rewrite(BooksSupergraph.SDL);
    await("the fixed supergraph to be served", () -> status(client) == 400);
    assertThat(loader.lastProblem()).isEmpty();
  }

  private static int status(WebTestClient client) {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", PAGES_QUERY))
        .exchange()
        .returnResult(String.class).getStatus().value();
  }

  /** Writes the file and moves its modification time on, so the change shows even on coarse file clocks. */
  private static void rewrite(String sdl) throws Exception {
    FileTime before = Files.getLastModifiedTime(supergraph);
    Files.writeString(supergraph, sdl);
    Files.setLastModifiedTime(supergraph, FileTime.from(before.toInstant().plusSeconds(2)));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
