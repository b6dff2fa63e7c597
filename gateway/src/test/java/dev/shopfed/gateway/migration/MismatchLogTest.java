package dev.shopfed.gateway.migration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Mismatch;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Side;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MismatchLogTest {

  @Test
  void keepsTheMostRecentDistinctMismatchesNewestFirstAndCountsRepeats() {
    MismatchLog log = new MismatchLog(3, Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      add(log, i);
    }
    add(log, 2); // seen again: counted, and the newest now

    List<Mismatch> kept = log.snapshot();

    assertThat(kept).extracting(m -> m.path().get(1)).containsExactly(2, 4, 3);
    assertThat(kept).extracting(Mismatch::count).containsExactly(2L, 1L, 1L);
    assertThat(kept.get(0).lastSeen()).isAfterOrEqualTo(kept.get(0).firstSeen());
  }

  @Test
  void shapesKeepStructureAndTypesButNoValues() {
    Object shape = MismatchRedaction.shape(java.util.Map.of("name", "Ana", "tags", List.of("a", "bb"), "n", 3.5,
        "ok", true));

    assertThat(MismatchRedaction.json(shape)).doesNotContain("Ana", "3.5", "true", "\"a\"", "\"bb\"");
    assertThat(shape).isEqualTo(java.util.Map.of("name", "string(3)", "tags", List.of("string(1)", "string(2)"),
        "n", "number", "ok", "boolean"));
    assertThat(MismatchRedaction.shape("señor")).isEqualTo("string(5)");
  }

  private static void add(MismatchLog log, int index) {
    log.add("T.f", List.of("items", index, "f"), new Side("old", "a" + index, "number"),
        new Side("new", "b" + index, "number"), List.of(List.of()));
  }
}
