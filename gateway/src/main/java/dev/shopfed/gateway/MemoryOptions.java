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

  /**
   * 4 MB per subgraph answer and 8 MB per request: a parsed answer takes about 6 times its JSON size in heap and the
   * response built from it as much again, so a request at the budget holds about 100 MB, which a 256 MB heap can carry
   * next to ordinary traffic. Real answers are far smaller (tens of KB for a screen of the app).
   */
  public static MemoryOptions defaults() {
    return new MemoryOptions(4L << 20, 8L << 20);
  }
}
