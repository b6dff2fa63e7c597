package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Hostile operations over real HTTP with the default limits: each is refused with HTTP 400 and its code before
 * anything reaches the subgraph (WireMock), and well within a latency bound.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationLimitsHttpTest {

  /** Generous: catches a hang or an expansion, not slowness of a busy machine. */
  private static final Duration LATENCY_BOUND = Duration.ofSeconds(5);
  private static WireMockServer books;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @BeforeEach
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    // the first request of a fresh server can take seconds on a busy machine: not what the latency bound is about
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(query("{ __typename }"))
        .exchange().expectStatus().isOk();
    books.resetAll();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
  }

  static Stream<Arguments> hostileRequests() {
    return Stream.of(
        Arguments.of("named fragment bomb", query(bomb(i -> "...F" + i + " ...F" + i)), "MAX_FIELDS_LIMIT",
            "Field count after fragment expansion 1073741825 exceeds the limit of 1000 (gateway.limits.max-fields)"),
        Arguments.of("inline fragment bomb", query(bomb(i -> "... on Book { ...F" + i + " } ... { ...F" + i + " }")),
            "MAX_FIELDS_LIMIT", "(gateway.limits.max-fields)"),
        Arguments.of("deep nesting", query("{ book(id: \"1\") " + "{ title ".repeat(16) + "}".repeat(17)),
            "MAX_DEPTH_LIMIT", "Operation depth 17 exceeds the limit of 16 (gateway.limits.max-depth)"),
        Arguments.of("nesting past the parser", query("{ book(id: \"1\") " + "{ title ".repeat(400) + "}".repeat(401)),
            "MAX_DEPTH_LIMIT", "(gateway.limits.max-depth)"),
        Arguments.of("alias bomb", query("{ book(id: \"1\") { " + repeat(101, i -> "t" + i + ": title") + " } }"),
            "MAX_ALIASES_LIMIT", "Alias count 101 exceeds the limit of 100 (gateway.limits.max-aliases)"),
        Arguments.of("root fields", query("{ " + repeat(21, i -> "book(id: \"1\") { title }") + " }"),
            "MAX_ROOT_FIELDS_LIMIT", "Root field count 21 exceeds the limit of 20 (gateway.limits.max-root-fields)"),
        Arguments.of("field count", query("{ book(id: \"1\") { " + repeat(1000, i -> "title") + " } }"),
            "MAX_FIELDS_LIMIT", "Field count after fragment expansion 1001 exceeds the limit of 1000"),
        Arguments.of("directive flood", query("{ book(id: \"1\") { title " + repeat(11, i -> "@skip(if: false)")
            + " } }"), "MAX_DIRECTIVES_LIMIT", "Directive count on one field 11 exceeds the limit of 10"),
        Arguments.of("token flood", query("{ book(id: \"1\") { " + repeat(2000, i -> "title") + " } }"),
            "MAX_TOKENS_LIMIT", "Token count exceeds the limit of 2000 (gateway.limits.max-tokens)"),
        Arguments.of("huge operation", query("{ book(id: \"1\") { title } } #" + "x".repeat(64 * 1024)),
            "MAX_OPERATION_SIZE_LIMIT", "exceeds the limit of 65536 (gateway.limits.max-operation-size)"),
        Arguments.of("huge string variable", withVariables(Map.of("id", "x".repeat(200_000))), "MAX_VARIABLES_SIZE_LIMIT",
            "Variables size exceeds the limit of 100000 (gateway.limits.max-variables-size)"),
        Arguments.of("huge list variable", withVariables(Map.of("id", Collections.nCopies(150_000, 1))),
            "MAX_VARIABLES_SIZE_LIMIT", "(gateway.limits.max-variables-size)"),
        Arguments.of("fragment cycle", query("{ book(id: \"1\") { ...A } } fragment A on Book { title ...B } "
            + "fragment B on Book { id ...A }"), "GRAPHQL_VALIDATION_FAILED", "A"),
        Arguments.of("unknown fragment", query("{ book(id: \"1\") { ...Missing } }"), "GRAPHQL_VALIDATION_FAILED",
            "Missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileRequests")
  void refusedBeforeAnyFetch(String name, Map<String, Object> body, String code, String message) {
    long started = System.nanoTime();
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
        .exchange()
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo(code)
        .jsonPath("$.errors[0].message").value(text -> assertThat((String) text).contains(message))
        .jsonPath("$.data").doesNotExist();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(LATENCY_BOUND);
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aRepeatedBombIsRefusedAgain() {
    Map<String, Object> bomb = query(bomb(i -> "...F" + i + " ...F" + i));
    for (int i = 0; i < 3; i++) {
      client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(bomb)
          .exchange()
          .expectStatus().isBadRequest()
          .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("MAX_FIELDS_LIMIT");
    }
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anOrdinaryOperationStillReachesTheSubgraph() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(withVariables(Map.of("id", "1")))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.data.book.title").isEqualTo("Dune");
    books.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void graphiqlsIntrospectionQueryPasses() throws IOException {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(query(resource("/limits/graphiql-introspection.graphql")))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.errors").doesNotExist()
        .jsonPath("$.data.__schema.queryType.name").isEqualTo("Query");
    books.verify(0, anyRequestedFor(anyUrl()));
  }

  /** 30 fragments, each spreading the previous one twice ({@code spreads} of F(i-1)): 2^30 fields. */
  private static String bomb(java.util.function.IntFunction<String> spreads) {
    return "{ book(id: \"1\") { ...F30 } }\nfragment F0 on Book { title }\n" + IntStream.rangeClosed(1, 30)
        .mapToObj(i -> "fragment F" + i + " on Book { " + spreads.apply(i - 1) + " }")
        .collect(Collectors.joining("\n"));
  }

  private static String repeat(int times, java.util.function.IntFunction<String> item) {
    return IntStream.range(0, times).mapToObj(item).collect(Collectors.joining(" "));
  }

  private static Map<String, Object> query(String query) {
    return Map.of("query", query);
  }

  private static Map<String, Object> withVariables(Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", "query Book($id: ID!) { book(id: $id) { title } }");
    body.put("variables", variables);
    return body;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = OperationLimitsHttpTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
