package dev.shopfed.gateway.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A warning logged at most once per interval, with how many were held back since: a store outage under load would
 * otherwise log one line per request.
 */
final class ThrottledWarning {

  private static final System.Logger log = System.getLogger(RateLimiter.class.getName());

  private final long intervalNanos;
  private final NanoClock clock;
  private final AtomicLong lastLogged;
  private final AtomicLong suppressed = new AtomicLong();

  ThrottledWarning(java.time.Duration interval, NanoClock clock) {
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.lastLogged = new AtomicLong(clock.nanoTime() - intervalNanos);
  }

  /** Logs the message unless one was logged less than an interval ago; answers whether it did. */
  boolean warn(String message) {
    long now = clock.nanoTime();
    long last = lastLogged.get();
    if (now - last < intervalNanos || !lastLogged.compareAndSet(last, now)) {
      suppressed.incrementAndGet();
      return false;
    }
    long held = suppressed.getAndSet(0);
    log.log(System.Logger.Level.WARNING, held == 0 ? message : message + " (" + held + " more since the last warning)");
    return true;
  }
}
