package dev.shopfed.gateway;

/**
 * How much memory one request may take, so that no single request can exhaust the heap.
 *
 * @param maxSubgraphResponseBytes the largest answer read from one subgraph request; a larger one is cut off while it
 *                                 streams in, and only that fetch fails
 * @param maxResponseBytes         the most one request may hold: the subgraph answers it merges, added up, and the
 *                                 response built from them; past it the request answers {@code data: null}
 */
public record MemoryOptions(long maxSubgraphResponseBytes, long maxResponseBytes) {

  public MemoryOptions {
    if (maxSubgraphResponseBytes < 1 || maxResponseBytes < 1) {
      throw new IllegalArgumentException("memory budgets must be positive");
    }
  }

  /** 8 MB per subgraph answer and 16 MB per request: each MB of JSON takes several MB of heap once parsed. */
  public static MemoryOptions defaults() {
    return new MemoryOptions(8L << 20, 16L << 20);
  }
}
