package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the fault tests share: the books/authors supergraph (with a mutation on {@code authors}), written to a file,
 * and a client that times each request.
 */
final class FaultySubgraphs {

  /** {@code books} answers {@code book}; {@code authors} answers {@code author}, {@code Book.blurb}, {@code rateAuthor}. */
  static final String SDL = MemoryLimitsHttpTest.SDL
      .replace("  query: Query\n", "  query: Query\n  mutation: Mutation\n")
      .concat("""

          type Mutation @join__type(graph: AUTHORS) {
            rateAuthor(id: ID!, stars: Int!): Author @join__field(graph: AUTHORS)
          }
          """);

  static final String BOTH = "{ book(id: \"1\") { title } author(id: \"2\") { name } }";

  private FaultySubgraphs() {}

  /** The two subgraphs as WireMock servers, and the supergraph file the gateway reads. */
  record Stubs(WireMockServer books, WireMockServer authors, Path supergraph) {}

  /** Starts both subgraphs and points the gateway (its supergraph file, their URLs) at them. */
  static Stubs start(DynamicPropertyRegistry registry) {
    WireMockServer books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    WireMockServer authors = new WireMockServer(wireMockConfig().dynamicPort());
    authors.start();
    Path supergraph = supergraphFile();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.authors", () -> authors.baseUrl() + "/authors");
    return new Stubs(books, authors, supergraph);
  }

  static void stop(WireMockServer... subgraphs) {
    for (WireMockServer subgraph : subgraphs) {
      subgraph.stop();
    }
  }

  static Path supergraphFile() {
    try {
      Path file = Files.createTempFile("faulty-subgraphs", ".graphql");
      file.toFile().deleteOnExit();
      return Files.writeString(file, SDL);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static WebTestClient client(int port) {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
        .build();
  }

  /**
   * One untimed request reading books only, so that the timed ones do not pay for the gateway's first request (class
   * loading, the first plan); books must answer {@code book}.
   */
  static void warmUp(WebTestClient client) {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: \"1\") { title } }")).exchange().expectStatus().isOk();
  }

  /** Sends the query, checks the status and that the whole answer came within {@code bound}; its body to check. */
  static WebTestClient.BodyContentSpec answer(Duration bound, int status, WebTestClient client, String query) {
    long start = System.nanoTime();
    WebTestClient.ResponseSpec response = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", query)).exchange();
    WebTestClient.BodyContentSpec body = response.expectBody(); // reads the body to its end
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(took).as("answered within %s", bound).isLessThan(bound);
    response.expectStatus().isEqualTo(status);
    return body;
  }
}
