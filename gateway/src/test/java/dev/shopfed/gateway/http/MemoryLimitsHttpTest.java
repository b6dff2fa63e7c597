package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The memory budgets over real HTTP: {@code books} is WireMock, {@code authors} a plain JDK server that can stream a
 * chunked answer far larger than the cap. A subgraph answer may be 64 KB, a request's answers 96 KB in all.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemoryLimitsHttpTest {

  private static final int SUBGRAPH_CAP = 64 * 1024;
  private static final int RESPONSE_BUDGET = 96 * 1024;
  private static final long ENDLESS = 512L << 20;
  private static final String BOTH = "{ book(id: \"1\") { title } author(id: \"2\") { name } }";

  private static WireMockServer books;
  private static HttpServer authors;
  /** What {@code authors} answers: a body, or null to stream {@link #ENDLESS} bytes. */
  private static final AtomicReference<byte[]> authorsAnswer = new AtomicReference<>();
  private static final AtomicLong streamedBytes = new AtomicLong();
  private static volatile CountDownLatch streamEnded = new CountDownLatch(1);

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    authors = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    authors.createContext("/authors", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("content-type", "application/json");
      byte[] answer = authorsAnswer.get();
      if (answer != null) {
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
        return;
      }
      stream(exchange.getResponseBody(), () -> exchange.sendResponseHeaders(200, 0));
      exchange.close();
    });
    authors.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-authors", ".graphql"), SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.authors",
        () -> "http://127.0.0.1:" + authors.getAddress().getPort() + "/authors");
    registry.add("gateway.memory.max-subgraph-response-size", () -> SUBGRAPH_CAP + "B");
    registry.add("gateway.memory.max-response-size", () -> RESPONSE_BUDGET + "B");
  }

  private interface Headers {
    void send() throws IOException;
  }

  /** Writes a chunked {@code {"data":{"author":{"name":"xxxx…}}}} until the reader goes away or ENDLESS is reached. */
  private static void stream(OutputStream body, Headers headers) throws IOException {
    streamedBytes.set(0);
    byte[] chunk = new byte[16 * 1024];
    Arrays.fill(chunk, (byte) 'x');
    try {
      headers.send();
      byte[] start = "{\"data\":{\"author\":{\"name\":\"".getBytes(StandardCharsets.UTF_8);
      body.write(start);
      streamedBytes.addAndGet(start.length);
      while (streamedBytes.get() < ENDLESS) {
        body.write(chunk);
        body.flush();
        streamedBytes.addAndGet(chunk.length);
      }
      body.write("\"}}}".getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // the gateway stopped reading and closed the connection: what the test wants
    } finally {
      streamEnded.countDown();
    }
  }

  @AfterAll
  static void stopSubgraphs() {
    books.stop();
    authors.stop(0);
  }

  @BeforeEach
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
        .codecs(c -> c.defaultCodecs().maxInMemorySize(1 << 20))
        .build();
    books.resetAll();
    booksAnswer("Dune");
    authorsAnswer.set("{\"data\":{\"author\":{\"name\":\"Herbert\"}}}".getBytes(StandardCharsets.UTF_8));
    streamEnded = new CountDownLatch(1);
  }

  @Test
  void answersWithinTheBudgetsAreServed() {
    query(BOTH).expectStatus().isOk().expectBody()
        .json("{\"data\":{\"book\":{\"title\":\"Dune\"},\"author\":{\"name\":\"Herbert\"}}}", true);
  }

  @Test
  void aSubgraphAnswerOverTheCapFailsOnlyItsFetch() {
    booksAnswer("t".repeat(SUBGRAPH_CAP + 1));
    query(BOTH).expectStatus().isOk().expectBody()
        .jsonPath("$.data.book").isEmpty()
        .jsonPath("$.data.author.name").isEqualTo("Herbert")
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].path").isEqualTo(List.of("book"))
        .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBGRAPH_RESPONSE_TOO_LARGE")
        .jsonPath("$.errors[0].extensions.serviceName").isEqualTo("books")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains("books", Integer.toString(SUBGRAPH_CAP), "gateway.memory.max-subgraph-response-size")
            .doesNotContain("127.0.0.1", "localhost"));
  }

  @Test
  void anEndlessChunkedAnswerIsCutOffWithoutReadingItAll() throws InterruptedException {
    authorsAnswer.set(null);
    query(BOTH).expectStatus().isOk().expectBody()
        .jsonPath("$.data.book.title").isEqualTo("Dune")
        .jsonPath("$.data.author").isEmpty()
        .jsonPath("$.errors[0].path").isEqualTo(List.of("author"))
        .jsonPath("$.errors[0].extensions.code").isEqualTo("SUBGRAPH_RESPONSE_TOO_LARGE");
    assertThat(streamEnded.await(30, TimeUnit.SECONDS)).as("the subgraph saw the gateway hang up").isTrue();
    // The cap plus what the socket buffers hold: far from the 512 MB the subgraph would have sent.
    assertThat(streamedBytes.get()).isLessThan(32L << 20);
  }

  @Test
  void answersOverTheRequestBudgetGiveResponseTooLarge() {
    // 50 KB each: under the per-answer cap, together over the request's 96 KB
    booksAnswer("t".repeat(50 * 1024));
    authorsAnswer.set(("{\"data\":{\"author\":{\"name\":\"" + "n".repeat(50 * 1024) + "\"}}}")
        .getBytes(StandardCharsets.UTF_8));
    query(BOTH).expectStatus().isOk().expectBody()
        .json("{\"data\":null}")
        .jsonPath("$.errors.length()").isEqualTo(1)
        .jsonPath("$.errors[0].extensions.code").isEqualTo("RESPONSE_TOO_LARGE")
        .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
            .contains(Integer.toString(RESPONSE_BUDGET), "gateway.memory.max-response-size"));
  }

  @Test
  void aResponseThatGrowsPastTheBudgetWhileShapedGivesResponseTooLarge() {
    // One entity at three places: fetched once (40 KB, within both budgets), copied three times into the response.
    String blurb = "b".repeat(40 * 1024);
    authorsAnswer.set(("{\"data\":{\"_entities\":[{\"blurb\":\"" + blurb + "\"}]}}").getBytes(StandardCharsets.UTF_8));
    booksList(1);
    query("{ books { blurb } }").expectStatus().isOk().expectBody()
        .jsonPath("$.data.books[0].blurb").isEqualTo(blurb);
    booksList(3);
    query("{ books { blurb } }").expectStatus().isOk().expectBody()
        .json("{\"data\":null}")
        .jsonPath("$.errors[0].extensions.code").isEqualTo("RESPONSE_TOO_LARGE");
  }

  private static void booksList(int copies) {
    String book = "{\"__typename\":\"Book\",\"id\":\"1\"}";
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"books\":[" + String.join(",", java.util.Collections.nCopies(copies, book)) + "]}}")));
  }

  private WebTestClient.ResponseSpec query(String query) {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", query))
        .exchange();
  }

  private static void booksAnswer(String title) {
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"" + title + "\"}}}")));
  }

  static final String SDL = """
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
      {
        query: Query
      }

      directive @join__enumValue(graph: join__Graph!) repeatable on ENUM_VALUE
      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @join__implements(graph: join__Graph!, interface: String!) repeatable on OBJECT | INTERFACE
      directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
      directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

      scalar join__FieldSet
      scalar link__Import

      enum join__Graph {
        AUTHORS @join__graph(name: "authors", url: "http://authors.invalid/graphql")
        BOOKS @join__graph(name: "books", url: "http://books.invalid/graphql")
      }

      enum link__Purpose {
        SECURITY
        EXECUTION
      }

      type Author @join__type(graph: AUTHORS) {
        name: String
      }

      type Book @join__type(graph: AUTHORS, key: "id") @join__type(graph: BOOKS, key: "id") {
        id: ID!
        title: String @join__field(graph: BOOKS)
        blurb: String @join__field(graph: AUTHORS)
      }

      type Query @join__type(graph: AUTHORS) @join__type(graph: BOOKS) {
        author(id: ID!): Author @join__field(graph: AUTHORS)
        book(id: ID!): Book @join__field(graph: BOOKS)
        books: [Book] @join__field(graph: BOOKS)
      }
      """;
}
