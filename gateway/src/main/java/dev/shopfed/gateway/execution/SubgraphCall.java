package dev.shopfed.gateway.execution;

import java.time.Duration;

/**
 * What the transport to a subgraph may know of one fetch: whether sending it twice is harmless (a query's fetch; never
 * a mutation's), and how much of the request's deadline is left, which bounds every attempt and every wait.
 *
 * @param retryable   whether the fetch may be sent again after a transport failure
 * @param startNanos  {@link System#nanoTime()} when the request's deadline began
 * @param deadline    how long the request may take in all
 */
public record SubgraphCall(boolean retryable, long startNanos, Duration deadline) {

  /** No deadline to speak of (a day), not retryable: what a caller that says nothing gets. */
  public static SubgraphCall unbounded() {
    return new SubgraphCall(false, System.nanoTime(), Duration.ofDays(1));
  }

  /** A request starting now with the given deadline. */
  public static SubgraphCall startingNow(boolean retryable, Duration deadline) {
    return new SubgraphCall(retryable, System.nanoTime(), deadline);
  }

  public Duration timeLeft() {
    return deadline.minusNanos(System.nanoTime() - startNanos);
  }

  public boolean expired() {
    return timeLeft().isNegative() || timeLeft().isZero();
  }

  /** {@code timeout}, or less when less of the deadline is left. */
  public Duration bound(Duration timeout) {
    Duration left = timeLeft();
    return left.compareTo(timeout) < 0 ? left : timeout;
  }
}
