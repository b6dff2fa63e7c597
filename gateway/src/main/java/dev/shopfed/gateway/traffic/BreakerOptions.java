package dev.shopfed.gateway.traffic;

import java.time.Duration;

/**
 * One subgraph's circuit breaker ({@code gateway.subgraphs.<name|all>.breaker.*}): over the last {@code windowSize}
 * requests (once at least {@code minimumCalls} were made), it opens when the share of failed ones (transport errors,
 * HTTP 5xx) or of slow ones reaches its threshold; while open the subgraph is not asked; after {@code waitInOpen} it
 * lets {@code halfOpenCalls} requests through as probes, and closes when they succeed.
 *
 * @param enabled                whether the subgraph has a breaker
 * @param failureRateThreshold   percent of failed requests that opens it
 * @param slowCallRateThreshold  percent of slow requests that opens it
 * @param slowCallDuration       a request taking longer is slow
 * @param windowSize             how many of the latest requests are counted
 * @param minimumCalls           how many requests the window needs before any rate counts
 * @param waitInOpen             how long it stays open before probing
 * @param halfOpenCalls          how many probes it lets through when half open
 */
public record BreakerOptions(boolean enabled, float failureRateThreshold, float slowCallRateThreshold,
    Duration slowCallDuration, int windowSize, int minimumCalls, Duration waitInOpen, int halfOpenCalls) {

  public BreakerOptions {
    if (failureRateThreshold <= 0 || failureRateThreshold > 100 || slowCallRateThreshold <= 0
        || slowCallRateThreshold > 100) {
      throw new IllegalArgumentException("breaker thresholds are percentages above 0 and at most 100");
    }
    if (windowSize < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
      throw new IllegalArgumentException("breaker window, minimum calls and half-open calls must be positive");
    }
    if (slowCallDuration.isNegative() || slowCallDuration.isZero() || waitInOpen.isNegative() || waitInOpen.isZero()) {
      throw new IllegalArgumentException("breaker durations must be positive");
    }
  }

  /** No breaker: every fetch is sent, however the subgraph fares. */
  public static BreakerOptions off() {
    BreakerOptions d = defaults();
    return new BreakerOptions(false, d.failureRateThreshold, d.slowCallRateThreshold, d.slowCallDuration, d.windowSize,
        d.minimumCalls, d.waitInOpen, d.halfOpenCalls);
  }

  /** Half of 20 requests failed (once 10 were made), or 80 % slower than 5 s; 10 s open, then 3 probes. */
  public static BreakerOptions defaults() {
    return new BreakerOptions(true, 50, 80, Duration.ofSeconds(5), 20, 10, Duration.ofSeconds(10), 3);
  }
}
