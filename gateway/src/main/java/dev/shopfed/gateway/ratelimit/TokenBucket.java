package dev.shopfed.gateway.ratelimit;

/**
 * One client's tokens. Refilled lazily from the time elapsed since the last take, so an idle bucket costs nothing.
 * Synchronized: requests of one client may arrive on several threads at once.
 */
final class TokenBucket {

  private final RateLimit limit;
  private double tokens;
  private long refilledAt;

  TokenBucket(RateLimit limit, long now) {
    this.limit = limit;
    this.tokens = limit.burst();
    this.refilledAt = now;
  }

  synchronized RateLimitDecision take(long now) {
    long elapsed = Math.max(0, now - refilledAt);
    tokens = Math.min(limit.burst(), tokens + elapsed * limit.requestsPerSecond() / 1e9);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return RateLimitDecision.allow();
    }
    return RateLimitDecision.refuse(limit.retryAfterSeconds(1 - tokens));
  }
}
