package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class OverrideCountsTest {

  @Test
  void countsFromManyThreadsAddUp() throws Exception {
    OverrideCounts counts = new OverrideCounts();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            counts.record("a", i % 4 == 0);
            counts.record("b", false);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(counts.snapshot()).containsOnlyKeys("a", "b");
    assertThat(counts.snapshot().get("a")).containsExactly(10_000, 30_000);
    assertThat(counts.snapshot().get("b")).containsExactly(0, 40_000);
  }

  @Test
  void aSnapshotIsACopy() {
    OverrideCounts counts = new OverrideCounts();
    counts.record("a", true);
    long[] before = counts.snapshot().get("a");

    before[0] = 99;
    counts.record("a", true);

    assertThat(counts.snapshot().get("a")).containsExactly(2, 0);
  }
}
