package dev.shopfed.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which subgraph errors are masked, what the others keep, and what a failed fetch tells the client. */
class SubgraphErrorMaskingTest {

  private final SubgraphErrorMasking masking = new SubgraphErrorMasking(false);

  @Test
  void errorsWithoutACodeOrWithAnInternalOneAreMasked() {
    List<Map<String, Object>> internal = List.of(
        error("no extensions", null),
        error("no code", Map.of("errorType", "NOT_FOUND")),
        error("blank code", Map.of("code", " ")),
        error("INTERNAL_SERVER_ERROR", Map.of("code", "INTERNAL_SERVER_ERROR")),
        error("lower case", Map.of("code", "internal_server_error")),
        error("INTERNAL", Map.of("code", "INTERNAL")),
        error("DGS internal type", Map.of("code", "SOMETHING", "errorType", "INTERNAL")),
        error("graphql-java data fetching", Map.of("code", "X", "classification", "DataFetchingException")));
    for (Map<String, Object> error : internal) {
      Map<String, Object> masked = masking.apply(error, "commerce", "req-1");
      assertThat(masked).as((String) error.get("message")).isEqualTo(Map.of(
          "message", "Internal error in a subgraph",
          "path", List.of("product", 0, "price"),
          "extensions", Map.of("code", "INTERNAL_SERVER_ERROR", "serviceName", "commerce", "requestId", "req-1")));
    }
  }

  @Test
  void otherErrorsKeepTheirMessageAndCodeButLoseLeakingExtensions() {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", "INSUFFICIENT_STOCK");
    extensions.put("errorType", "FAILED_PRECONDITION");
    extensions.put("available", 2);
    extensions.put("exception", Map.of("stacktrace", List.of("at a.B(B.java:1)")));
    extensions.put("stacktrace", List.of("at a.B(B.java:1)"));
    extensions.put("StackTrace", "x");
    extensions.put("trace", "x");
    extensions.put("debugInfo", Map.of("sql", "select"));
    extensions.put("handler", "com.acme.stock.StockFetcher");
    extensions.put("detail", "thrown by dev.shopfed.commerce.Stock$Check");
    Map<String, Object> kept = masking.apply(error("Only 2 left", extensions), "commerce", "req-1");

    assertThat(kept.get("message")).isEqualTo("Only 2 left");
    assertThat(kept.get("path")).isEqualTo(List.of("product", 0, "price"));
    assertThat(kept.get("extensions")).isEqualTo(Map.of("code", "INSUFFICIENT_STOCK",
        "errorType", "FAILED_PRECONDITION", "available", 2, "serviceName", "commerce"));
  }

  @Test
  void passThroughKeepsEverythingAndNamesTheService() {
    Map<String, Object> error = error("java.sql.SQLException", Map.of("code", "INTERNAL_SERVER_ERROR", "trace", "t"));
    Map<String, Object> passed = new SubgraphErrorMasking(true).apply(error, "commerce", "req-1");
    assertThat(passed.get("message")).isEqualTo("java.sql.SQLException");
    assertThat(passed.get("extensions"))
        .isEqualTo(Map.of("code", "INTERNAL_SERVER_ERROR", "trace", "t", "serviceName", "commerce"));
  }

  @Test
  void anUnreachableSubgraphIsNamedWithoutItsHostOrPort() {
    for (Throwable failure : List.of(
        new CompletionException(new ConnectException("Connection refused: localhost/127.0.0.1:4001")),
        new ConnectException(),
        new CompletionException(new java.io.IOException("HTTP/1.1 header parser received no bytes from db-7:5432")))) {
      SubgraphAnswer answer = SubgraphAnswer.of("commerce", null, failure, masking, "req-9");
      assertThat(answer.failed()).isTrue();
      assertThat(answer.errors()).containsExactly(Map.of("message", "Subgraph 'commerce' is unreachable",
          "extensions", Map.of("code", "INTERNAL_SERVER_ERROR", "serviceName", "commerce", "requestId", "req-9")));
    }
  }

  @Test
  void aSubgraphsWholeRequestRefusalIsMaskedWhenInternal() {
    SubgraphAnswer internal = SubgraphAnswer.of("promo", response(
        "{\"errors\":[{\"message\":\"org.postgresql.util.PSQLException: db-3:5432\"}]}"), null, masking, "r");
    assertThat(internal.failed()).isTrue();
    assertThat(internal.errors().get(0).get("message")).isEqualTo("Internal error in a subgraph");

    SubgraphAnswer coded = SubgraphAnswer.of("promo", response(
        "{\"errors\":[{\"message\":\"Variable 'first' must be positive\",\"extensions\":{\"code\":\"BAD_USER_INPUT\"}}]}"),
        null, masking, "r");
    assertThat(coded.errors().get(0).get("message")).isEqualTo("Variable 'first' must be positive");
  }

  @Test
  void answersCarryMaskedErrorsAndTheirData() {
    SubgraphAnswer answer = SubgraphAnswer.of("promo", response(
        "{\"data\":{\"a\":1},\"errors\":[{\"message\":\"secret\",\"path\":[\"a\"]}]}"), null, masking, "r");
    assertThat(answer.failed()).isFalse();
    assertThat(answer.data()).isEqualTo(Map.of("a", 1));
    assertThat(answer.errors().get(0).get("message")).isEqualTo("Internal error in a subgraph");
    assertThat(answer.errors().get(0).get("path")).isEqualTo(List.of("a"));
  }

  private static SubgraphClient.SubgraphResponse response(String body) {
    return new SubgraphClient.SubgraphResponse(200, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> error(String message, Map<String, Object> extensions) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("path", List.of("product", 0, "price"));
    error.put("locations", List.of(Map.of("line", 1, "column", 2)));
    if (extensions != null) {
      error.put("extensions", new LinkedHashMap<>(extensions));
    }
    return error;
  }
}
