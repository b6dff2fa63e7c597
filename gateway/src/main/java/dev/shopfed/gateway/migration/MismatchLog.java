package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Mismatch;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Side;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recently seen distinct mismatches, bounded: a repeat counts on its entry and makes it the newest; past the
 * bound the one seen longest ago is dropped. Thread-safe.
 */
final class MismatchLog {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MismatchLog.class);

  private record Key(String field, List<Object> path, String clientHash, String shadowHash) {}

  private static final class Entry {
    final Mismatch first;
    long count;
    Instant lastSeen;

    Entry(Mismatch first) {
      this.first = first;
      this.lastSeen = first.firstSeen();
    }
  }

  private final int capacity;
  private final Clock clock;
  private final LinkedHashMap<Key, Entry> entries;

  MismatchLog(int capacity, Clock clock) {
    this.capacity = capacity;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
        return size() > MismatchLog.this.capacity;
      }
    };
  }

  synchronized void add(String field, List<Object> path, Side client, Side shadow, List<List<Object>> differences) {
    Instant now = clock.instant();
    Key key = new Key(field, path, client.sha256(), shadow.sha256());
    if (!entries.containsKey(key)) { // the sample log: one line per distinct mismatch, never the values
      log.info("Shadow compare mismatch on {} at {}: {} answered {} (sha256 {}), {} answered {} (sha256 {})", field,
          path, client.subgraph(), client.shape(), client.sha256(), shadow.subgraph(), shadow.shape(),
          shadow.sha256());
    }
    Entry entry = entries.computeIfAbsent(key,
        k -> new Entry(new Mismatch(field, path, client, shadow, differences, 0, now, now)));
    entry.count++;
    entry.lastSeen = now;
  }

  /** Newest first. */
  synchronized List<Mismatch> snapshot() {
    List<Mismatch> out = new ArrayList<>(entries.size());
    for (Entry e : entries.values()) {
      Mismatch m = e.first;
      out.add(new Mismatch(m.field(), m.path(), m.client(), m.shadow(), m.differences(), e.count, m.firstSeen(),
          e.lastSeen));
    }
    Collections.reverse(out);
    return List.copyOf(out);
  }
}
