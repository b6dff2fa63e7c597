package dev.shopfed.gateway.migration;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests each subgraph served each overridden field for, since start: the traffic side of the migration
 * report. One count per request that selects the field, whatever the number of objects.
 */
public final class FieldTraffic {

  private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

  public void record(List<OverriddenField> selected, Set<String> activeLabels) {
    for (OverriddenField field : selected) {
      counts.computeIfAbsent(field.coordinate(), c -> new ConcurrentHashMap<>())
          .computeIfAbsent(field.owner(activeLabels), o -> new LongAdder()).increment();
    }
  }

  /** Per field, per subgraph name, the requests served; sorted. */
  public Map<String, Map<String, Long>> snapshot() {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    counts.forEach((field, owners) -> {
      Map<String, Long> served = new TreeMap<>();
      owners.forEach((owner, count) -> served.put(owner, count.sum()));
      copy.put(field, served);
    });
    return copy;
  }
}
