package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge-protection list, as a hostile client sends it over real HTTP to the real engine, with WireMock as the
 * only subgraph: each input is refused with its status and code, quickly, and without a single subgraph request;
 * then all of them at once from several threads while a well-behaved client keeps getting its answers, and the
 * heap after GC does not grow.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

  /** A recursive type, so that depth can be asked for; otherwise the books supergraph. */
  static final String SDL = BooksSupergraph.SDL
      .replace("  title: String\n", "  title: String\n  sequel: Book\n  similar(first: Int): [Book!]\n")
      .replace("  book(id: ID!): Book\n", "  book(id: ID!): Book\n  books(search: String, first: Int): [Book!]\n");

  private static final Duration REFUSAL_BOUND = Duration.ofSeconds(2);
  private static final String GOOD_QUERY = "{ book(id: \"1\") { title } }";
  private static WireMockServer books;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("hostile-supergraph", ".graphql"), SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.batching.enabled", () -> "true");
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @BeforeEach
  void resetSubgraph() {
    books.resetAll();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
  }

  /** One hostile request and what the gateway must answer. */
  record Hostile(String name, String method, String contentType, byte[] body, String query, int status, String code) {

    @Override
    public String toString() {
      return name;
    }

    static Hostile post(String name, String body, int status, String code) {
      return new Hostile(name, "POST", "application/json", body.getBytes(StandardCharsets.UTF_8), null, status, code);
    }

    static Hostile operation(String name, String query, int status, String code) {
      return post(name, JSON.writeValueAsString(Map.of("query", query)), status, code);
    }
  }

  static Stream<Hostile> hostileInputs() {
    return Stream.of(
        Hostile.operation("named fragment bomb", namedFragmentBomb(30), 400, "MAX_FIELDS_LIMIT"),
        Hostile.operation("inline fragment bomb", inlineFragmentBomb(30), 400, "MAX_FIELDS_LIMIT"),
        Hostile.operation("deep nesting", deep(40), 400, "MAX_DEPTH_LIMIT"),
        Hostile.operation("alias bomb", "{ book(id: \"1\") { " + aliases(500) + " } }", 400, "MAX_ALIASES_LIMIT"),
        Hostile.operation("field-count bomb", "{ " + "__typename ".repeat(1500) + "}", 400, "MAX_FIELDS_LIMIT"),
        Hostile.operation("token flood", "{ book(id: \"1\") { " + aliases(1000) + " } }", 400, "MAX_TOKENS_LIMIT"),
        Hostile.operation("oversized operation", "{ __typename } #" + "x".repeat(100_000), 400,
            "MAX_OPERATION_SIZE_LIMIT"),
        Hostile.operation("directive flood", "{ book(id: \"1\") { title " + "@include(if: true) ".repeat(200) + "} }",
            400, "MAX_DIRECTIVES_LIMIT"),
        Hostile.operation("root-field flood", "{ " + IntStream.range(0, 60)
            .mapToObj(i -> "b" + i + ": book(id: \"" + i + "\") { title }").collect(Collectors.joining(" ")) + " }",
            400, "MAX_ROOT_FIELDS_LIMIT"),
        Hostile.operation("fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", 400,
            "GRAPHQL_VALIDATION_FAILED"),
        Hostile.post("huge string in variables", JSON.writeValueAsString(Map.of(
            "query", "query($s: String) { books(search: $s) { title } }", "variables", Map.of("s", "x".repeat(1_500_000)))),
            400, "MAX_VARIABLES_SIZE_LIMIT"),
        Hostile.post("huge list in variables", JSON.writeValueAsString(Map.of(
            "query", "query($n: Int) { books(first: $n) { title } }",
            "variables", Map.of("n", IntStream.range(0, 200_000).boxed().toList()))),
            400, "MAX_VARIABLES_SIZE_LIMIT"),
        new Hostile("invalid UTF-8", "POST", "application/json", invalidUtf8(), null, 400, "BAD_REQUEST"),
        new Hostile("garbage content type", "POST", ";;;garbage", "{\"query\":\"{ __typename }\"}".getBytes(
            StandardCharsets.UTF_8), null, 415, "UNSUPPORTED_MEDIA_TYPE"),
        new Hostile("form content type", "POST", "application/x-www-form-urlencoded",
            "query=%7B__typename%7D".getBytes(StandardCharsets.UTF_8), null, 400, "CSRF_ERROR"),
        new Hostile("GET without a preflight header", "GET", null, null, GOOD_QUERY, 400, "CSRF_ERROR"),
        new Hostile("GET mutation", "GET-PREFLIGHTED", null, null, "mutation { renameBook(id: \"1\", title: \"x\") { title } }",
            405, "METHOD_NOT_ALLOWED"),
        Hostile.post("batch over the limit", JSON.writeValueAsString(
            IntStream.range(0, 1000).mapToObj(i -> Map.of("query", GOOD_QUERY)).toList()), 400, "BATCH_LIMIT_EXCEEDED"),
        Hostile.post("APQ hash mismatch", JSON.writeValueAsString(Map.of("query", GOOD_QUERY,
            "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "0".repeat(64))))),
            400, "PERSISTED_QUERY_HASH_MISMATCH"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileInputs")
  void eachHostileInputIsRefusedQuicklyWithItsCodeAndReachesNoSubgraph(Hostile input) throws Exception {
    long started = System.nanoTime();
    HttpResponse<String> response = send(input);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(response.statusCode()).as("status of %s: %s", input, response.body()).isEqualTo(input.status());
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("errors").path(0).path("extensions").path("code").asString())
        .as("code of %s: %s", input, response.body()).isEqualTo(input.code());
    assertThat(body.path("errors").path(0).path("message").asString()).isNotBlank()
        .doesNotContain("Exception", "at dev.", "at graphql.", "127.0.0.1", "localhost");
    assertThat(took).as("time to refuse %s", input).isLessThan(REFUSAL_BOUND);
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theWholeSetFromSeveralThreadsLeavesAWellBehavedClientServedAndTheHeapFlat() throws Exception {
    List<Hostile> inputs = hostileInputs().toList();
    for (Hostile input : inputs) {
      assertThat(answer(input)).as("warm-up of %s", input).isEqualTo(input.status()); // so the baseline includes what every path loads
    }
    long baseline = heapAfterGc();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger served = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService threads = Executors.newFixedThreadPool(5);
    try {
      Future<?> wellBehaved = threads.submit(() -> wellBehavedClient(stop, served, failures));
      List<Future<?>> attackers = IntStream.range(0, 4).<Future<?>>mapToObj(t -> threads.submit(() -> {
        for (int round = 0; round < 5; round++) {
          for (Hostile input : inputs) {
            int status = answer(input);
            if (status != input.status()) {
              failures.add(input + " answered " + status);
            }
          }
        }
        return null;
      })).toList();
      for (Future<?> attacker : attackers) {
        attacker.get(120, TimeUnit.SECONDS);
      }
      stop.set(true);
      wellBehaved.get(30, TimeUnit.SECONDS);
    } finally {
      stop.set(true);
      threads.shutdownNow();
    }

    assertThat(failures).isEmpty();
    assertThat(served.get()).as("answers the well-behaved client got during the attack").isPositive();
    long after = heapAfterGc();
    assertThat(after - baseline).as("heap growth after GC, bytes (baseline %d)", baseline)
        .isLessThan(32L * 1024 * 1024);
  }

  private Void wellBehavedClient(AtomicBoolean stop, AtomicInteger served, List<String> failures) {
    while (!stop.get()) {
      try {
        HttpResponse<String> response = send(Hostile.operation("good", GOOD_QUERY, 200, null));
        if (response.statusCode() == 200 && response.body().equals("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")) {
          served.incrementAndGet();
        } else {
          failures.add("well-behaved client got " + response.statusCode() + ": " + response.body());
        }
      } catch (Exception e) {
        failures.add("well-behaved client failed: " + e);
      }
    }
    return null;
  }

  /** The status answered, or -1 when the gateway did not answer in time. */
  private int answer(Hostile input) {
    try {
      return send(input).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private HttpResponse<String> send(Hostile input) throws java.io.IOException, InterruptedException {
    URI graphql = URI.create("http://127.0.0.1:" + port + "/graphql");
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(10));
    switch (input.method()) {
      case "GET" -> request.uri(withQuery(graphql, input.query())).GET();
      case "GET-PREFLIGHTED" -> request.uri(withQuery(graphql, input.query())).header("apollo-require-preflight", "true").GET();
      default -> request.uri(graphql).header("content-type", input.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(input.body()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI withQuery(URI graphql, String query) {
    return URI.create(graphql + "?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
  }

  private static long heapAfterGc() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) { // the least of a few collections: a GC can leave garbage of the moment behind
      System.gc();
      Thread.sleep(50);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }

  static String namedFragmentBomb(int levels) {
    StringBuilder document = new StringBuilder("query Bomb { ...F" + levels + " }\nfragment F0 on Query { __typename }\n");
    for (int i = 1; i <= levels; i++) {
      document.append("fragment F").append(i).append(" on Query { ...F").append(i - 1).append(" ...F").append(i - 1)
          .append(" }\n");
    }
    return document.toString();
  }

  /** Each level spreads the one below twice, through inline fragments. */
  static String inlineFragmentBomb(int levels) {
    StringBuilder document = new StringBuilder("query Bomb { ...F" + levels + " }\nfragment F0 on Query { __typename }\n");
    for (int i = 1; i <= levels; i++) {
      document.append("fragment F").append(i).append(" on Query { ... on Query { ...F").append(i - 1)
          .append(" } ... { ...F").append(i - 1).append(" } }\n");
    }
    return document.toString();
  }

  static String deep(int levels) {
    return "{ book(id: \"1\") { " + "sequel { ".repeat(levels) + "title" + " }".repeat(levels) + " } }";
  }

  static String aliases(int count) {
    return IntStream.range(0, count).mapToObj(i -> "a" + i + ": title").collect(Collectors.joining(" "));
  }

  private static byte[] invalidUtf8() {
    byte[] start = "{\"query\":\"{ __typename } #".getBytes(StandardCharsets.UTF_8);
    byte[] end = "\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + 2 + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    body[start.length] = (byte) 0xC3;
    body[start.length + 1] = (byte) 0x28;
    System.arraycopy(end, 0, body, start.length + 2, end.length);
    return body;
  }
}
