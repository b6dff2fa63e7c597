package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The gateway's own meters (Prometheus names: dots become underscores, timers get {@code _seconds}). */
public final class GatewayMetrics {

  /** Distinct operation names and error codes kept as tag values before the rest count as {@code other}. */
  static final int MAX_TAG_VALUES = 200;

  private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  private final MeterRegistry registry;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final BoundedNames operations = new BoundedNames(MAX_TAG_VALUES, GRAPHQL_NAME);
  private final BoundedNames codes = new BoundedNames(MAX_TAG_VALUES, ERROR_CODE);

  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("gateway.requests.in.flight", inFlight, AtomicInteger::get)
        .description("Client operations being run right now")
        .register(registry);
  }

  /**
   * Where a subgraph's circuit breaker reports its state ({@code closed}, {@code open}, {@code half_open}, ...):
   * {@code gateway_subgraph_breaker_state{subgraph,state}} is 1 for the state it is in and 0 for the others.
   */
  public void bindBreakerState(String subgraph, Set<String> states, Supplier<String> state) {
    for (String each : states) {
      Gauge.builder("gateway.subgraph.breaker.state", state, s -> each.equals(s.get()) ? 1 : 0)
          .strongReference(true) // the supplier is often a lambda no one else holds
          .description("1 for the state the subgraph's circuit breaker is in")
          .tag("subgraph", subgraph)
          .tag("state", each)
          .register(registry);
    }
  }

  void started() {
    inFlight.incrementAndGet();
  }

  /** One client operation: its latency, the share of it the gateway spent itself, its errors by code. */
  void ended(String operationName, int status, List<String> errorCodes, long nanos, long overheadNanos) {
    inFlight.decrementAndGet();
    String operation = operationName == null ? "anonymous" : operations.of(operationName);
    Timer.builder("gateway.requests")
        .description("Client operations by name and HTTP status")
        .tag("operation", operation)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
    Timer.builder("gateway.request.overhead")
        .description("Time of a client operation not spent waiting for subgraphs")
        .tag("operation", operation)
        .publishPercentileHistogram()
        .register(registry)
        .record(overheadNanos, TimeUnit.NANOSECONDS);
    for (String code : errorCodes) {
      Counter.builder("gateway.request.errors")
          .description("Errors in responses, by extensions.code")
          .tag("operation", operation)
          .tag("code", codes.of(code))
          .register(registry)
          .increment();
    }
  }

  /** One subgraph fetch; {@code outcome} is its HTTP status or {@code failed} when no answer came. */
  void fetched(String subgraph, String outcome, long nanos) {
    Timer.builder("gateway.subgraph.requests")
        .description("Subgraph fetches by subgraph and outcome")
        .tag("subgraph", subgraph)
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A fetch answered by an identical fetch's request already in flight (no request of its own). */
  void sharedFetch(String subgraph) {
    Counter.builder("gateway.subgraph.requests.shared")
        .description("Subgraph fetches that shared an identical fetch's request in flight")
        .tag("subgraph", subgraph)
        .register(registry)
        .increment();
  }

  StatsCounter cacheStats(String cache) {
    return new CacheStatsCounter(registry, cache);
  }
}
