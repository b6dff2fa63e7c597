package dev.shopfed.gateway.ratelimit;

import java.time.Duration;

/**
 * How many requests one client may send: a bucket of {@code burst} tokens, refilled at {@code requestsPerSecond}.
 * A client that has been quiet may send {@code burst} requests at once, then {@code requestsPerSecond} on average.
 *
 * @param requestsPerSecond the sustained rate (may be below 1, e.g. 0.5 for one request every two seconds)
 * @param burst             the bucket's capacity: requests allowed back to back after a quiet period
 */
public record RateLimit(double requestsPerSecond, long burst) {

  public RateLimit {
    if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
      throw new IllegalArgumentException("requests-per-second must be a positive number, not " + requestsPerSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, not " + burst);
    }
  }

  /** How long an empty bucket takes to fill up again; past that a client's state is the same as a new client's. */
  public Duration refillTime() {
    return Duration.ofNanos((long) Math.ceil(burst * 1e9 / requestsPerSecond));
  }

  /** Whole seconds until {@code missing} tokens are back (at least 1: {@code Retry-After: 0} invites a retry storm). */
  long retryAfterSeconds(double missing) {
    return Math.max(1, (long) Math.ceil(missing / requestsPerSecond));
  }

  /** The limit as a refusal message states it. */
  public String describe() {
    return String.format(java.util.Locale.ROOT, "%s requests per second with a burst of %d",
        trim(requestsPerSecond), burst);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
