package dev.shopfed.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VariablesLimitTest {

  @Test
  void sizeIsValuesPlusCharacters() {
    // the map 1, the key "s" 1 + 1, its value "abcd" 1 + 4, the list 1, its items 1 + 1 (null counts too)
    Map<String, Object> variables = new HashMap<>();
    variables.put("s", "abcd");
    variables.put("l", Arrays.asList(7, null));
    int size = 1 + (1 + 1) + (1 + 4) + (1 + 1) + 1 + 1 + 1;
    assertThat(VariablesLimit.check(variables, limit(size))).isEmpty();
    assertThat(VariablesLimit.check(variables, limit(size - 1))).contains(new LimitViolation(
        "MAX_VARIABLES_SIZE_LIMIT", "Variables size exceeds the limit of " + (size - 1)
            + " (gateway.limits.max-variables-size)"));
  }

  @Test
  void aLongStringCountsItsCharacters() {
    assertThat(VariablesLimit.check(Map.of("s", "x".repeat(1000)), limit(500)))
        .map(LimitViolation::code).contains("MAX_VARIABLES_SIZE_LIMIT");
  }

  @Test
  void theWalkStopsOnceTheBudgetIsSpent() {
    AtomicInteger read = new AtomicInteger();
    List<Object> huge = new AbstractList<>() {
      @Override
      public Object get(int index) {
        read.incrementAndGet();
        return 1;
      }

      @Override
      public int size() {
        return 100_000_000;
      }
    };
    assertThat(VariablesLimit.check(Map.of("ids", huge), limit(1000))).isPresent();
    assertThat(read.get()).isLessThan(1000);
  }

  @Test
  void deepNestingNeitherOverflowsTheStackNorEscapesTheLimit() {
    List<Object> deep = new ArrayList<>();
    List<Object> inner = deep;
    for (int i = 0; i < 200_000; i++) {
      List<Object> next = new ArrayList<>();
      inner.add(next);
      inner = next;
    }
    assertThat(VariablesLimit.check(Map.of("deep", deep), limit(Integer.MAX_VALUE))).isEmpty();
    assertThat(VariablesLimit.check(Map.of("deep", deep), limit(100_000))).isPresent();
  }

  @Test
  void switchedOff() {
    assertThat(VariablesLimit.check(Map.of("s", "x".repeat(1000)), limit(0))).isEmpty();
    assertThat(VariablesLimit.check(Map.of("s", "x".repeat(1000)), limit(-1))).isEmpty();
  }

  private static OperationLimits limit(int size) {
    return new OperationLimits(0, 0, 0, 0, 0, 0, 0, size);
  }
}
