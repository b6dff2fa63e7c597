package dev.shopfed.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The retry budget on a hand-moved clock: 20 % of a 10 s window's requests, plus 1 a second. */
class RetryBudgetTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RetryBudget budget = new RetryBudget(
      new RetryOptions(true, 2, Duration.ofMillis(10), Duration.ofMillis(100), 20, Duration.ofSeconds(10), 1),
      now::get);

  @Test
  void retriesAreAShareOfTheRequestsPlusTheReserve() {
    for (int i = 0; i < 100; i++) {
      budget.recordRequest();
    }
    assertThat(retriesAllowed(100)).isEqualTo(20 + 10); // 20 % of 100, and 1 a second over 10 s
  }

  @Test
  void aQuietGatewayStillHasTheReserve() {
    assertThat(retriesAllowed(100)).isEqualTo(10);
  }

  @Test
  void theWindowSlides() {
    for (int i = 0; i < 100; i++) {
      budget.recordRequest();
    }
    assertThat(retriesAllowed(100)).isEqualTo(30);
    now.addAndGet(Duration.ofSeconds(15).toNanos()); // half of the last window still counts
    assertThat(retriesAllowed(100)).isEqualTo(5); // half of it: 15 retries of 20 allowed (10 + the reserve)
    now.addAndGet(Duration.ofSeconds(30).toNanos()); // long quiet: only the reserve
    assertThat(retriesAllowed(100)).isEqualTo(10);
  }

  private int retriesAllowed(int tries) {
    int allowed = 0;
    for (int i = 0; i < tries; i++) {
      if (budget.tryRetry()) {
        allowed++;
      }
    }
    return allowed;
  }
}
