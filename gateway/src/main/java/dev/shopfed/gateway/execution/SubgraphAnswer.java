package dev.shopfed.gateway.execution;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A subgraph's answer read as GraphQL: its data and errors (as {@link SubgraphErrorMasking} lets the client see
 * them), or — when the request failed as a whole (transport error, timeout, non-GraphQL body) — one error saying so,
 * which stands at each of the fetch's fields ({@code atFields}, as Apollo Router places it) unless the subgraph itself
 * refused the request with GraphQL errors of its own. A transport failure's cause (which names the subgraph's host and port) goes to the log, never to the client.
 */
record SubgraphAnswer(Object data, List<Map<String, Object>> errors, boolean failed, boolean atFields) {

  SubgraphAnswer(Object data, List<Map<String, Object>> errors, boolean failed) {
    this(data, errors, failed, false);
  }

  static final String TOO_LARGE = "SUBGRAPH_RESPONSE_TOO_LARGE";
  static final String UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";
  static final String GATEWAY_TIMEOUT = "GATEWAY_TIMEOUT";

  private static final Logger log = LoggerFactory.getLogger(SubgraphAnswer.class);

  /** The MDC key of the request id in log lines, as the HTTP layer sets it. */
  static final String REQUEST_ID_MDC = "requestId";

  static SubgraphAnswer of(String service, SubgraphClient.SubgraphResponse response, Throwable failure,
      SubgraphErrorMasking masking, String requestId) {
    SubgraphResponseTooLarge tooLarge = cause(failure, SubgraphResponseTooLarge.class);
    if (tooLarge != null) {
      Map<String, Object> error = GraphQLErrors.error("The answer of subgraph '" + service + "' is larger than the limit of "
          + tooLarge.limitBytes() + " bytes (gateway.memory.max-subgraph-response-size, or "
          + "gateway.subgraphs.<name>.max-response-size)", null, TOO_LARGE);
      return new SubgraphAnswer(null, List.of(GraphQLErrors.withService(error, service)), true, true);
    }
    if (cause(failure, SubgraphUnavailable.class) != null) {
      Map<String, Object> error = GraphQLErrors.error("Subgraph '" + service + "' is unavailable: too many of its "
          + "recent requests failed or were slow, so it is not asked for a while", null, UNAVAILABLE);
      return new SubgraphAnswer(null, List.of(GraphQLErrors.withService(error, service)), true, true);
    }
    if (failure != null) {
      return transportFailure(service, failure, requestId);
    }
    Object json;
    try {
      json = response.readTree();
    } catch (RuntimeException e) {
      return failure(service, "HTTP fetch failed from '" + service + "': " + status(response)
          + "subgraph response is not valid JSON", requestId, true);
    }
    if (!(json instanceof Map<?, ?> body) || !(body.containsKey("data") || body.containsKey("errors"))) {
      return failure(service, "HTTP fetch failed from '" + service + "': " + status(response)
          + "subgraph response is not a GraphQL response", requestId, true);
    }
    List<Map<String, Object>> raw = errors(body.get("errors"));
    if (body.get("data") == null && !raw.isEmpty() && raw.stream().noneMatch(e -> e.containsKey("path"))) {
      // the subgraph refused the request as a whole (e.g. a variable it cannot coerce): the fetch failed
      Map<String, Object> first = raw.get(0);
      String message = masking.masks(first)
          ? SubgraphErrorMasking.MASKED_MESSAGE
          : String.valueOf(first.get("message"));
      return failure(service, message, requestId, false);
    }
    List<Map<String, Object>> errors = new ArrayList<>(raw.size());
    raw.forEach(error -> errors.add(masking.apply(error, service, requestId)));
    return new SubgraphAnswer(body.get("data"), errors, false);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(Object value) {
    List<Map<String, Object>> errors = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object e : list) {
        if (e instanceof Map<?, ?> error) {
          errors.add(new LinkedHashMap<>((Map<String, Object>) error));
        }
      }
    }
    return errors;
  }

  private static SubgraphAnswer transportFailure(String service, Throwable failure, String requestId) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
    if (cause instanceof HttpTimeoutException) {
      return failure(service, "HTTP fetch failed from '" + service + "': request timed out", requestId, true);
    }
    logWithRequestId(requestId, () -> log.warn("Subgraph '{}' unreachable: {}", service, cause.toString()));
    return failure(service, "Subgraph '" + service + "' is unreachable", requestId, true);
  }

  private static void logWithRequestId(String requestId, Runnable logging) {
    if (requestId == null) {
      logging.run();
      return;
    }
    try (MDC.MDCCloseable ignored = MDC.putCloseable(REQUEST_ID_MDC, requestId)) {
      logging.run();
    }
  }

  /** The fetch was skipped or cut short because the request's deadline passed. */
  static SubgraphAnswer deadlinePassed(String service) {
    Map<String, Object> error = GraphQLErrors.error("The request's deadline passed before subgraph '" + service
        + "' answered (gateway.request-timeout)", null, GATEWAY_TIMEOUT);
    return new SubgraphAnswer(null, List.of(GraphQLErrors.withService(error, service)), true, true);
  }

  /** Whether the fetch's one error stands at each of the fetch's fields (every failure but a subgraph's refusal). */
  boolean placedAtFields() {
    return failed && atFields && errors.size() == 1;
  }

  static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
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

  /**
   * Coded as Apollo Gateway codes it, so clients of either see the same code; the service and the request id (which
   * the log line of the cause cites) are named beside it.
   */
  private static SubgraphAnswer failure(String service, String message, String requestId, boolean atFields) {
    Map<String, Object> error = GraphQLErrors.error(message, null, "INTERNAL_SERVER_ERROR");
    GraphQLErrors.withService(error, service);
    if (requestId != null) {
      GraphQLErrors.withRequestId(error, requestId);
    }
    return new SubgraphAnswer(null, List.of(error), true, atFields);
  }
}
