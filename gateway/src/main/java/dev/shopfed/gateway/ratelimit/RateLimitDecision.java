package dev.shopfed.gateway.ratelimit;

/**
 * Whether one request may go on.
 *
 * @param allowed           true when the request may go on
 * @param retryAfterSeconds when refused, whole seconds (at least 1) until the client may try again; 0 when allowed
 */
public record RateLimitDecision(boolean allowed, long retryAfterSeconds) {

  private static final RateLimitDecision ALLOWED = new RateLimitDecision(true, 0);

  public static RateLimitDecision allow() {
    return ALLOWED;
  }

  public static RateLimitDecision refuse(long retryAfterSeconds) {
    return new RateLimitDecision(false, Math.max(1, retryAfterSeconds));
  }
}
