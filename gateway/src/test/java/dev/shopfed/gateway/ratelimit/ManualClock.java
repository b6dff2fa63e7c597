package dev.shopfed.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to. */
public final class ManualClock implements NanoClock {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Override
  public long nanoTime() {
    return now.get();
  }

  public void advance(Duration duration) {
    now.addAndGet(duration.toNanos());
  }
}
