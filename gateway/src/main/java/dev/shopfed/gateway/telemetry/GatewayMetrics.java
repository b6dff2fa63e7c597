package dev.shopfed.gateway.telemetry;

import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
  // The meters are looked up in maps of their own: building and registering a meter on every request (a builder,
  // sorted tags, an id) cost more than the recording itself. Every key's values are bounded (BoundedNames, HTTP
  // statuses, the supergraph's subgraphs), so the maps are too.
  private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Map<String, Timer> overheadTimers = new ConcurrentHashMap<>();
  private final Map<ErrorKey, Counter> errorCounters = new ConcurrentHashMap<>();
  private final Map<FetchKey, Timer> fetchTimers = new ConcurrentHashMap<>();
  private final Map<String, Counter> sharedCounters = new ConcurrentHashMap<>();

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
    requestTimers.computeIfAbsent(new RequestKey(operation, status), this::requestTimer)
        .record(nanos, TimeUnit.NANOSECONDS);
    overheadTimers.computeIfAbsent(operation, this::overheadTimer).record(overheadNanos, TimeUnit.NANOSECONDS);
    for (String code : errorCodes) {
      errorCounters.computeIfAbsent(new ErrorKey(operation, codes.of(code)), this::errorCounter).increment();
    }
  }

  /** One subgraph fetch; {@code outcome} is its HTTP status or {@code failed} when no answer came. */
  void fetched(String subgraph, String outcome, long nanos) {
    fetchTimers.computeIfAbsent(new FetchKey(subgraph, outcome), this::fetchTimer)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A fetch answered by an identical fetch's request already in flight (no request of its own). */
  void sharedFetch(String subgraph) {
    sharedCounters.computeIfAbsent(subgraph, this::sharedCounter).increment();
  }

  private record RequestKey(String operation, int status) {}

  private record ErrorKey(String operation, String code) {}

  private record FetchKey(String subgraph, String outcome) {}

  private Timer requestTimer(RequestKey key) {
    return Timer.builder("gateway.requests")
        .description("Client operations by name and HTTP status")
        .tag("operation", key.operation())
        .tag("status", Integer.toString(key.status()))
        .publishPercentileHistogram()
        .register(registry);
  }

  private Timer overheadTimer(String operation) {
    return Timer.builder("gateway.request.overhead")
        .description("Time of a client operation not spent waiting for subgraphs")
        .tag("operation", operation)
        .publishPercentileHistogram()
        .register(registry);
  }

  private Counter errorCounter(ErrorKey key) {
    return Counter.builder("gateway.request.errors")
        .description("Errors in responses, by extensions.code")
        .tag("operation", key.operation())
        .tag("code", key.code())
        .register(registry);
  }

  private Timer fetchTimer(FetchKey key) {
    return Timer.builder("gateway.subgraph.requests")
        .description("Subgraph fetches by subgraph and outcome")
        .tag("subgraph", key.subgraph())
        .tag("outcome", key.outcome())
        .publishPercentileHistogram()
        .register(registry);
  }

  private Counter sharedCounter(String subgraph) {
    return Counter.builder("gateway.subgraph.requests.shared")
        .description("Subgraph fetches that shared an identical fetch's request in flight")
        .tag("subgraph", subgraph)
        .register(registry);
  }

  StatsCounter cacheStats(String cache) {
    return new CacheStatsCounter(registry, cache);
  }
}
