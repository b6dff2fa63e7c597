package dev.shopfed.gateway.traffic;

import java.time.Duration;

/**
 * Retries of one subgraph's query fetches ({@code gateway.subgraphs.<name|all>.retry.*}); a mutation's fetch is never
 * sent twice. Only a failure that says the request was not served is retried: connection refused or reset, a body cut
 * off, HTTP 502, 503 or 504; a timeout is not (the subgraph may still be working on it, and asking again adds load).
 *
 * @param enabled             whether query fetches are retried
 * @param maxRetries          retries after the first attempt
 * @param backoff             the first retry waits up to this long (full jitter), each further one up to twice as long
 * @param maxBackoff          the longest wait before a retry
 * @param budgetPercent       retries may add at most this percent of the subgraph's requests of the last window
 * @param budgetWindow        the window the budget counts requests and retries over
 * @param minRetriesPerSecond retries always allowed, however few requests there were (so a quiet gateway can retry)
 */
public record RetryOptions(boolean enabled, int maxRetries, Duration backoff, Duration maxBackoff,
    double budgetPercent, Duration budgetWindow, int minRetriesPerSecond) {

  public RetryOptions {
    if (maxRetries < 0 || minRetriesPerSecond < 0 || budgetPercent < 0) {
      throw new IllegalArgumentException("retry counts and budget must not be negative");
    }
    if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
      throw new IllegalArgumentException("retry backoff must not be negative nor above max-backoff");
    }
    if (budgetWindow.isNegative() || budgetWindow.isZero()) {
      throw new IllegalArgumentException("retry budget window must be positive");
    }
  }

  /** No retries: every fetch is sent once. */
  public static RetryOptions off() {
    RetryOptions d = defaults();
    return new RetryOptions(false, 0, d.backoff, d.maxBackoff, d.budgetPercent, d.budgetWindow, d.minRetriesPerSecond);
  }

  /** Two retries, 50 ms then 100 ms at most (jittered), within 20 % of the last 10 s's requests plus 10 a second. */
  public static RetryOptions defaults() {
    return new RetryOptions(true, 2, Duration.ofMillis(50), Duration.ofSeconds(1), 20, Duration.ofSeconds(10), 10);
  }
}
