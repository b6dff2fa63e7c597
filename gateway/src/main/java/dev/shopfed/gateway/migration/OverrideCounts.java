package dev.shopfed.gateway.migration;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per label, how many requests had it on and how many off since start; thread-safe. One instance outlives every
 * engine, so a supergraph reload keeps counting.
 */
public final class OverrideCounts {

  private record Tally(LongAdder on, LongAdder off) {}

  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  public void record(String label, boolean on) {
    Tally tally = tallies.computeIfAbsent(label, l -> new Tally(new LongAdder(), new LongAdder()));
    (on ? tally.on() : tally.off()).increment();
  }

  /**
   * A copy of the counts, sorted by label: each value is {@code {on, off}}. Each count is read on its own, so under
   * traffic a snapshot may be a request or two off between labels (never lower than an earlier snapshot).
   */
  public Map<String, long[]> snapshot() {
    Map<String, long[]> copy = new TreeMap<>();
    tallies.forEach((label, tally) -> copy.put(label, new long[] {tally.on().sum(), tally.off().sum()}));
    return Collections.unmodifiableMap(copy);
  }
}
