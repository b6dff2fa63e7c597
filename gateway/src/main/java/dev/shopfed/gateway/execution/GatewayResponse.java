package dev.shopfed.gateway.execution;

import java.util.List;
import java.util.Map;

/**
 * The engine's answer to one request.
 *
 * @param body    the GraphQL response: {@code data}, {@code errors}, {@code extensions} in that order,
 *                each present only when the specification says so
 * @param outcome whether the request itself was rejected before execution (parse or validation
 *                failure), which the HTTP layer maps to status 400
 * @param headers subgraph response headers passed back to the client (names lower-case; never null)
 */
public record GatewayResponse(Map<String, Object> body, Outcome outcome, Map<String, List<String>> headers) {

  public GatewayResponse {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public GatewayResponse(Map<String, Object> body, Outcome outcome) {
    this(body, outcome, Map.of());
  }

  public enum Outcome {
    EXECUTED,
    REQUEST_ERROR,
    /** A persisted operation's hash is unknown: not a failure of the request (HTTP 200, as Apollo answers it). */
    RETRY_WITH_QUERY,
    /** A mutation sent on a read-only request (HTTP 405). */
    MUTATION_NOT_ALLOWED,
    /** The request's deadline passed before any subgraph answered (HTTP 504, with the fields' errors). */
    DEADLINE_PASSED
  }
}
