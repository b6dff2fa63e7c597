package dev.shopfed.gateway.execution;

/** The subgraph is not asked at all: its circuit breaker is open after too many failed or slow requests. */
public final class SubgraphUnavailable extends RuntimeException {

  public SubgraphUnavailable(String subgraph) {
    super("circuit breaker of subgraph '" + subgraph + "' is open", null, false, false);
  }
}
