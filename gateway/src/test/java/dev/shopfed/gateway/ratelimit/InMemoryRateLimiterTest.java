package dev.shopfed.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(0.5, 3), 100, clock);
    for (int i = 0; i < 3; i++) {
      assertThat(acquire(limiter, "a").allowed()).as("request %d of the burst", i + 1).isTrue();
    }
    RateLimitDecision refused = acquire(limiter, "a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2); // one token every two seconds
  }

  @Test
  void refillsAtTheConfiguredRate() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(2, 2), 100, clock);
    acquire(limiter, "a");
    acquire(limiter, "a");
    assertThat(acquire(limiter, "a").allowed()).isFalse();
    clock.advance(Duration.ofMillis(400));
    assertThat(acquire(limiter, "a").allowed()).as("0.8 tokens after 400 ms").isFalse();
    clock.advance(Duration.ofMillis(100));
    assertThat(acquire(limiter, "a").allowed()).as("one token after 500 ms").isTrue();
    assertThat(acquire(limiter, "a").allowed()).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(acquire(limiter, "a").allowed()).isTrue();
    assertThat(acquire(limiter, "a").allowed()).isTrue();
    assertThat(acquire(limiter, "a").allowed()).as("never more than the burst").isFalse();
  }

  @Test
  void clientsHaveTheirOwnBuckets() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(1, 1), 100, clock);
    assertThat(acquire(limiter, "a").allowed()).isTrue();
    assertThat(acquire(limiter, "a").allowed()).isFalse();
    assertThat(acquire(limiter, "b").allowed()).isTrue();
  }

  @Test
  void aFloodOfDistinctKeysStaysWithinTheBound() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(1, 5), 1000, clock);
    for (int i = 0; i < 100_000; i++) {
      acquire(limiter, "client-" + i);
    }
    assertThat(limiter.trackedClients()).isBetween(1L, 1000L);
  }

  @Test
  void idleBucketsExpireOnceTheyWouldBeFull() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(1, 5), 1000, clock);
    for (int i = 0; i < 200; i++) {
      acquire(limiter, "client-" + i);
    }
    assertThat(limiter.trackedClients()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(6)); // 5 tokens at 1 per second: every bucket is full again
    assertThat(limiter.trackedClients()).isZero();
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    InMemoryRateLimiter limiter = new InMemoryRateLimiter(new RateLimit(1000, 1), 100, clock);
    acquire(limiter, "a");
    RateLimitDecision refused = acquire(limiter, "a");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(1);
  }

  private static RateLimitDecision acquire(RateLimiter limiter, String key) {
    return limiter.acquire(key).join();
  }
}
