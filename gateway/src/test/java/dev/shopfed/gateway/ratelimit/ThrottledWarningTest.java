package dev.shopfed.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {

  @Test
  void logsAtMostOncePerInterval() {
    ManualClock clock = new ManualClock();
    ThrottledWarning warning = new ThrottledWarning(Duration.ofMinutes(1), clock);
    assertThat(warning.warn("Redis is down")).isTrue();
    for (int i = 0; i < 1000; i++) {
      assertThat(warning.warn("Redis is down")).isFalse();
    }
    clock.advance(Duration.ofSeconds(59));
    assertThat(warning.warn("Redis is down")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(warning.warn("Redis is down")).isTrue();
  }
}
