package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.ratelimit.NanoClock;

/**
 * At most {@code perSecond} shadow executions started per second: a token bucket holding one second's worth, refilled
 * lazily from the time elapsed since the last take.
 */
final class ShadowBudget {

  private final int perSecond;
  private final NanoClock clock;
  private double tokens;
  private long refilledAt;

  ShadowBudget(int perSecond, NanoClock clock) {
    this.perSecond = perSecond;
    this.clock = clock;
    this.tokens = perSecond;
    this.refilledAt = clock.nanoTime();
  }

  synchronized boolean tryTake() {
    long now = clock.nanoTime();
    tokens = Math.min(perSecond, tokens + Math.max(0, now - refilledAt) * perSecond / 1e9);
    refilledAt = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
