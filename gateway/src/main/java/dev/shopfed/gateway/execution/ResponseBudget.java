package dev.shopfed.gateway.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory one request may take ({@code gateway.memory.max-response-size}), counted twice against the same limit:
 * the bytes of the subgraph answers it merges (added up as they arrive, from concurrent fetches) and the size of the
 * response built from them (estimated while shaping: an entity fetched once may be copied to many places). Past
 * either, the request stops fetching and answers {@code data: null} with {@code RESPONSE_TOO_LARGE}.
 */
final class ResponseBudget {

  static final String CODE = "RESPONSE_TOO_LARGE";

  private final long maxBytes;
  private final AtomicLong subgraphBytes = new AtomicLong();
  private long responseBytes;
  private volatile boolean exceeded;

  ResponseBudget(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Counts one subgraph answer; false (and the budget spent) when the request's answers pass the limit. */
  boolean chargeSubgraphAnswer(long bytes) {
    if (subgraphBytes.addAndGet(bytes) > maxBytes) {
      exceeded = true;
    }
    return !exceeded;
  }

  /** Counts part of the response being shaped (one thread); throws {@link Exceeded} past the limit. */
  void chargeResponse(long bytes) {
    responseBytes += bytes;
    if (responseBytes > maxBytes) {
      exceeded = true;
      throw new Exceeded();
    }
  }

  boolean exceeded() {
    return exceeded;
  }

  /** The whole response once the budget is spent: execution had started, so {@code data} is there, and null. */
  Map<String, Object> refusal() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(GraphQLErrors.error("The response is larger than the limit of " + maxBytes
        + " bytes (gateway.memory.max-response-size)", null, CODE)));
    body.put("data", null);
    return body;
  }

  /** Thrown out of shaping when the response passes the budget. */
  static final class Exceeded extends RuntimeException {
    Exceeded() {
      super(null, null, false, false);
    }
  }
}
