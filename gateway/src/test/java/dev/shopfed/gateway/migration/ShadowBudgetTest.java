package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShadowBudgetTest {

  @Test
  void startsWithOneSecondsWorthAndRefillsAtTheRate() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    ShadowBudget budget = new ShadowBudget(4, now::get);

    for (int i = 0; i < 4; i++) {
      assertThat(budget.tryTake()).as("take %d", i).isTrue();
    }
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(200_000_000L); // 0.2 s: 0.8 of a token
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(50_000_000L); // 0.25 s since empty: one token
    assertThat(budget.tryTake()).isTrue();
    assertThat(budget.tryTake()).isFalse();
    now.addAndGet(60_000_000_000L); // a minute idle: never more than one second's worth
    int taken = 0;
    while (budget.tryTake()) {
      taken++;
    }
    assertThat(taken).isEqualTo(4);
  }
}
