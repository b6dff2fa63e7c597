package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A Caffeine cache's hits and misses as counters. Each engine (one per supergraph) has caches of its own; counting
 * into shared counters keeps the series going across a supergraph reload.
 */
final class CacheStatsCounter implements StatsCounter {

  private final Counter hits;
  private final Counter misses;

  CacheStatsCounter(MeterRegistry registry, String cache) {
    this.hits = counter(registry, cache, "hit");
    this.misses = counter(registry, cache, "miss");
  }

  private static Counter counter(MeterRegistry registry, String cache, String result) {
    return Counter.builder("gateway.cache.requests")
        .description("Lookups in the gateway's document and plan caches")
        .tag("cache", cache)
        .tag("result", result)
        .register(registry);
  }

  @Override
  public void recordHits(int count) {
    hits.increment(count);
  }

  @Override
  public void recordMisses(int count) {
    misses.increment(count);
  }

  @Override
  public void recordLoadSuccess(long loadTime) {}

  @Override
  public void recordLoadFailure(long loadTime) {}

  @Override
  public void recordEviction(int weight, RemovalCause cause) {}

  @Override
  public CacheStats snapshot() {
    return CacheStats.of((long) hits.count(), (long) misses.count(), 0, 0, 0, 0, 0);
  }
}
