package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP contract around the engine, with the engine replaced by an executor each test controls. */
class GraphQLEndpointTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String QUERY = "{ book(id: \"1\") { title } }";

  private final AtomicReference<GatewayRequest> received = new AtomicReference<>();

  @Test
  void beforeASupergraphLoadsHealthAndGraphQLAre503() {
    WebTestClient client = RouterHarness.client(RouterHarness.executor(false, this::answerData), JSON);

    client.get().uri("/health").exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"status\":\"DOWN\"}", true);
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", QUERY))
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("SERVICE_UNAVAILABLE");
    assertThat(received.get()).isNull();
  }

  @Test
  void afterLoadHealthIsUp() {
    RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON)
        .get().uri("/health").exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"status\":\"UP\"}", true);
  }

  @Test
  void passesTheDecodedRequestWithLowerCasedHeaders() {
    WebTestClient client = RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON);
    client.post().uri("/graphql").contentType(MediaType.parseMediaType("application/json; charset=utf-8"))
        .header("X-User-Id", "u7")
        .header("X-Multi", "a", "b")
        .header("Apollo-Expose-Query-Plan", "true")
        .bodyValue(Map.of("query", QUERY, "operationName", "", "variables", Map.of("id", 1),
            "extensions", Map.of("trace", true)))
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"ok\":true}}", true);

    GatewayRequest request = received.get();
    assertThat(request.query()).isEqualTo(QUERY);
    assertThat(request.operationName()).as("empty operationName means none").isNull();
    assertThat(request.variables()).isEqualTo(Map.of("id", 1));
    assertThat(request.extensions()).isEqualTo(Map.of("trace", true));
    assertThat(request.headers()).containsEntry("x-user-id", List.of("u7")).containsEntry("x-multi", List.of("a", "b"));
    assertThat(request.headers().keySet()).allSatisfy(name -> assertThat(name).isLowerCase());
    assertThat(request.explain()).isTrue();
  }

  @Test
  void theEngineGetsTheRequestIdTheClientSees() {
    WebTestClient client = RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON);
    String answered = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("x-request-id", "app-7f3.b_c")
        .bodyValue(Map.of("query", QUERY))
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
    assertThat(answered).isEqualTo("app-7f3.b_c");
    assertThat(received.get().requestId()).isEqualTo("app-7f3.b_c");

    String generated = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("x-request-id", "not well formed")
        .bodyValue(Map.of("query", QUERY))
        .exchange()
        .expectStatus().isOk()
        .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
    assertThat(generated).matches("[0-9a-f]{32}");
    assertThat(received.get().requestId()).isEqualTo(generated);
  }

  @Test
  void explainNeedsTheHeaderAndThePermission() {
    RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON)
        .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", QUERY))
        .exchange().expectStatus().isOk();
    assertThat(received.get().explain()).isFalse();

    RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON, false)
        .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("apollo-expose-query-plan", "true")
        .bodyValue(Map.of("query", QUERY))
        .exchange().expectStatus().isOk();
    assertThat(received.get().explain()).as("gateway.explain=false").isFalse();
  }

  @Test
  void engineRequestErrorIs400WithItsBody() {
    Map<String, Object> body = Map.of("errors", List.of(Map.of("message", "Syntax error")));
    RouterHarness.client(RouterHarness.executor(true, request -> CompletableFuture.completedFuture(
            new GatewayResponse(body, GatewayResponse.Outcome.REQUEST_ERROR))), JSON)
        .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{"))
        .exchange()
        .expectStatus().isBadRequest()
        .expectHeader().contentType(MediaType.APPLICATION_JSON)
        .expectBody().json("{\"errors\":[{\"message\":\"Syntax error\"}]}", true);
  }

  @Test
  void engineExceptionsAre500WithoutDetails() {
    RequestExecutor throwing = RouterHarness.executor(true, request -> {
      throw new IllegalStateException("secret internal detail");
    });
    RequestExecutor failing = RouterHarness.executor(true,
        request -> CompletableFuture.failedFuture(new IllegalStateException("secret internal detail")));

    for (RequestExecutor executor : List.of(throwing, failing)) {
      var result = RouterHarness.client(executor, JSON)
          .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", QUERY))
          .exchange()
          .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
          .expectHeader().contentType(MediaType.APPLICATION_JSON)
          .expectBody(String.class).returnResult();
      // Only the request id, which the log line of the failure cites, goes out beside the generic message.
      String requestId = result.getResponseHeaders().getFirst("x-request-id");
      assertThat(requestId).matches("[0-9a-f]{32}");
      assertThat(result.getResponseBody()).isEqualTo(
          "{\"errors\":[{\"message\":\"Internal server error\",\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\","
              + "\"requestId\":\"" + requestId + "\"}}]}");
    }
  }

  @Test
  void oversizedBodyIs413BeforeTheEngine() {
    String big = "{\"query\":\"" + "x".repeat(RouterHarness.MAX_REQUEST_BYTES) + "\"}";
    RouterHarness.client(RouterHarness.executor(true, this::answerData), JSON)
        .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(big)
        .exchange()
        .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
        .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("CONTENT_TOO_LARGE");
    assertThat(received.get()).isNull();
  }

  private CompletableFuture<GatewayResponse> answerData(GatewayRequest request) {
    received.set(request);
    return CompletableFuture.completedFuture(
        new GatewayResponse(Map.of("data", Map.of("ok", true)), GatewayResponse.Outcome.EXECUTED));
  }
}
