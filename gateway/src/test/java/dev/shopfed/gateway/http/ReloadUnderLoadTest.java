package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Supergraph reloads while queries and mutations are in flight against slow subgraphs: every request gets its
 * full, correct answer. The mutation runs three fetches in order (books, reviews, books), so it holds its engine
 * longer than the subgraph timeout: closing a replaced engine after a fixed time would cut it off mid-way.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReloadUnderLoadTest {

  private static final Duration BOUND = Duration.ofSeconds(30);
  private static final int CLIENTS = 6;
  private static final int RELOADS = 6;
  private static final int FETCH_DELAY_MILLIS = 1200;

  /** The books supergraph with a mutation on each of its two subgraphs. */
  private static final String SDL = BooksSupergraph.SDL_WITH_REVIEWS.replace(
      "type Mutation @join__type(graph: BOOKS) {\n  renameBook(id: ID!, title: String!): Book\n",
      "type Mutation @join__type(graph: BOOKS) @join__type(graph: REVIEWS) {\n"
          + "  renameBook(id: ID!, title: String!): Book @join__field(graph: BOOKS)\n"
          + "  addReview(body: String!): String @join__field(graph: REVIEWS)\n");
  private static final String SDL_WITH_PAGES = SDL.replace("  title: String\n", "  title: String\n  pages: Int\n");

  private static final String QUERY = "{ book(id: \"1\") { title } reviews }";
  private static final String QUERY_ANSWER = "{\"data\":{\"book\":{\"title\":\"Dune\"},\"reviews\":[\"fine\"]}}";
  private static final String MUTATION = "mutation { a: renameBook(id: \"1\", title: \"Arrakis\") { title } "
      + "r: addReview(body: \"ok\") b: renameBook(id: \"1\", title: \"Arrakis\") { title } }";
  private static final String MUTATION_ANSWER =
      "{\"data\":{\"a\":{\"title\":\"Arrakis\"},\"r\":\"ok\",\"b\":{\"title\":\"Arrakis\"}}}";

  private static WireMockServer subgraphs;
  private static Path supergraph;

  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  SupergraphLoader loader;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(40));
    subgraphs.start();
    stub("/books", null, "{\"data\":{\"book\":{\"title\":\"Dune\"}}}");
    stub("/books", "a:renameBook", "{\"data\":{\"a\":{\"title\":\"Arrakis\"}}}");
    stub("/books", "b:renameBook", "{\"data\":{\"b\":{\"title\":\"Arrakis\"}}}");
    stub("/reviews", null, "{\"data\":{\"reviews\":[\"fine\"]}}");
    stub("/reviews", "mutation", "{\"data\":{\"r\":\"ok\"}}");
    supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-reload-load", ".graphql"), SDL);
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> subgraphs.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.reviews", () -> subgraphs.baseUrl() + "/reviews");
    registry.add("gateway.poll-interval", () -> "50ms");
    registry.add("gateway.subgraph-timeout", () -> "3s");
  }

  /** A slow answer from one subgraph; with {@code operationPart}, only for fetches whose query contains it. */
  private static void stub(String path, String operationPart, String body) {
    var request = post(urlEqualTo(path));
    if (operationPart != null) {
      request = request.withRequestBody(matchingJsonPath("$.query", containing(operationPart))).atPriority(1);
    }
    subgraphs.stubFor(request.willReturn(aResponse().withHeader("content-type", "application/json")
        .withFixedDelay(FETCH_DELAY_MILLIS).withBody(body)));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    subgraphs.stop();
    Files.deleteIfExists(supergraph);
  }

  @Test
  void everyRequestInFlightDuringReloadsIsAnsweredInFull() throws Exception {
    // Warms connections and code paths: a cold first fetch on a busy machine can pass the subgraph timeout.
    send(QUERY);
    send(MUTATION);

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger answered = new AtomicInteger();
    AtomicInteger mutationsStarted = new AtomicInteger();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> loops = java.util.stream.IntStream.range(0, CLIENTS)
          .mapToObj(i -> clients.submit(() -> clientLoop(i % 2 == 0, running, answered, mutationsStarted, wrong)))
          .<Future<?>>map(f -> f).toList();
      int drainsSeen = 0;
      for (int i = 1; i <= RELOADS; i++) {
        boolean withPages = i % 2 == 1;
        rewrite(withPages ? SDL_WITH_PAGES : SDL);
        await("reload " + i + " to be served", () -> servesPages() == withPages);
        // Mutations started on the old engine are still running on it: it waits for them.
        drainsSeen += loader.retiringEngines() > 0 ? 1 : 0;
        // Before the next reload, every mutation client starts one on the engine just put in service.
        int mark = mutationsStarted.get();
        await("mutations to start after reload " + i, () -> mutationsStarted.get() >= mark + CLIENTS / 2);
      }
      running.set(false);
      for (Future<?> loop : loops) {
        loop.get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }
      assertThat(wrong).as("requests answered wrongly or failed").isEmpty();
      assertThat(answered.get()).as("requests answered").isGreaterThan(RELOADS * CLIENTS / 2);
      assertThat(drainsSeen).as("reloads that found a replaced engine still held by requests").isPositive();
      await("every replaced engine to close once drained", () -> loader.retiringEngines() == 0);
    } finally {
      running.set(false);
      clients.shutdownNow();
    }
  }

  private void clientLoop(boolean mutations, AtomicBoolean running, AtomicInteger answered,
      AtomicInteger mutationsStarted, ConcurrentLinkedQueue<String> wrong) {
    String operation = mutations ? MUTATION : QUERY;
    JsonNode expected = json.readTree(mutations ? MUTATION_ANSWER : QUERY_ANSWER);
    while (running.get()) {
      if (mutations) {
        mutationsStarted.incrementAndGet();
      }
      try {
        JsonNode answer = send(operation);
        if (!answer.equals(expected)) {
          wrong.add(answer.toString());
        }
        answered.incrementAndGet();
      } catch (Exception e) {
        wrong.add(e.toString());
      }
    }
  }

  private JsonNode send(String query) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
        .timeout(BOUND).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", query)))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + body);
    }
    return body;
  }

  /** Whether the engine in service knows {@code Book.pages}: the validation answer tells, without a fetch. */
  private boolean servesPages() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/graphql")).timeout(BOUND)
          .header("content-type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ book(id: \\\"1\\\") { pages } }\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static void rewrite(String sdl) throws Exception {
    FileTime before = Files.getLastModifiedTime(supergraph);
    Files.writeString(supergraph, sdl);
    Files.setLastModifiedTime(supergraph, FileTime.from(before.toInstant().plusSeconds(2)));
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
      Thread.sleep(20);
    }
  }
}
