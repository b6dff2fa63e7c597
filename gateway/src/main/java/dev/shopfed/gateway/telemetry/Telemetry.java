package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the engine reports about the requests it runs: a span per stage, a span and a timing per subgraph fetch,
 * cache hits and misses. {@link #none()} (the default) reports nothing and costs nothing.
 */
public interface Telemetry {

  /** Starts observing one client operation; the HTTP layer runs it in {@link RequestObservation#inScope}. */
  RequestObservation request(String method, String route, String requestId, Map<String, List<String>> headers);

  /** Runs one stage of the current request ({@code parse}, {@code validate}, {@code plan}) in its own span. */
  <T> T stage(String name, Supplier<T> work);

  /** Names the current request's operation once it is known (after validation). */
  void operation(String type, String name);

  /** Starts one subgraph fetch of the current request: its span, its timing, the trace headers it carries. */
  FetchObservation fetch(String subgraph, int attempt, Map<String, List<String>> headers);

  /** Counts one fetch to {@code subgraph} answered by an identical one's request already in flight. */
  default void sharedFetch(String subgraph) {}

  /** Counts the hits and misses of the engine's cache {@code cache} ({@code document}, {@code plan}); null: none. */
  StatsCounter cacheStats(String cache);

  static Telemetry none() {
    return NoTelemetry.INSTANCE;
  }
}
