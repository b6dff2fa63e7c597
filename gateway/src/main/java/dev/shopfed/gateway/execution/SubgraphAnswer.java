package dev.shopfed.gateway.execution;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * A subgraph's answer read as GraphQL: its data and errors, or — when the request failed as a whole (transport error,
 * timeout, non-GraphQL body) — one error saying so.
 */
record SubgraphAnswer(Object data, List<Map<String, Object>> errors, boolean failed) {

  static final String TOO_LARGE = "SUBGRAPH_RESPONSE_TOO_LARGE";

  static SubgraphAnswer of(String service, SubgraphClient.SubgraphResponse response, Throwable failure) {
    SubgraphResponseTooLarge tooLarge = tooLarge(failure);
    if (tooLarge != null) {
      Map<String, Object> error = GraphQLErrors.error("The answer of subgraph '" + service + "' is larger than the limit of "
          + tooLarge.limitBytes() + " bytes (gateway.memory.max-subgraph-response-size)", null, TOO_LARGE);
      return new SubgraphAnswer(null, List.of(GraphQLErrors.withService(error, service)), true);
    }
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
      String reason = cause instanceof HttpTimeoutException ? "request timed out" : describe(cause);
      return failure(service, "HTTP fetch failed from '" + service + "': " + reason);
    }
    Object json;
    try {
      json = Json.read(response.body());
    } catch (RuntimeException e) {
      return failure(service, "HTTP fetch failed from '" + service + "': " + status(response)
          + "subgraph response is not valid JSON");
    }
    if (!(json instanceof Map<?, ?> body) || !(body.containsKey("data") || body.containsKey("errors"))) {
      return failure(service, "HTTP fetch failed from '" + service + "': " + status(response)
          + "subgraph response is not a GraphQL response");
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    if (body.get("errors") instanceof List<?> list) {
      for (Object e : list) {
        if (e instanceof Map<?, ?> error) {
          @SuppressWarnings("unchecked")
          Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) error);
          errors.add(GraphQLErrors.withService(copy, service));
        }
      }
    }
    if (body.get("data") == null && !errors.isEmpty() && errors.stream().noneMatch(e -> e.containsKey("path"))) {
      // the subgraph refused the request as a whole (e.g. a variable it cannot coerce): the fetch failed
      return failure(service, String.valueOf(errors.get(0).get("message")));
    }
    return new SubgraphAnswer(body.get("data"), errors, false);
  }

  /** Whether the fetch failed because the answer passed its size cap. */
  boolean tooLarge() {
    return failed && errors.size() == 1 && errors.get(0).get("extensions") instanceof Map<?, ?> extensions
        && TOO_LARGE.equals(extensions.get("code"));
  }

  private static SubgraphResponseTooLarge tooLarge(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SubgraphResponseTooLarge tooLarge) {
        return tooLarge;
      }
      if (t.getCause() == t) {
        return null;
      }
    }
    return null;
  }

  private static String status(SubgraphClient.SubgraphResponse response) {
    return response.status() >= 300 ? response.status() + ": " : "";
  }

  private static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  /** Coded as Apollo Gateway codes it, so clients of either see the same code; the service is named beside it. */
  private static SubgraphAnswer failure(String service, String message) {
    Map<String, Object> error = GraphQLErrors.error(message, null, "INTERNAL_SERVER_ERROR");
    GraphQLErrors.withService(error, service);
    return new SubgraphAnswer(null, List.of(error), true);
  }
}
