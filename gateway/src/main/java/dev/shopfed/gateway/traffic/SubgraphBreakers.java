package dev.shopfed.gateway.traffic;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Resilience4j circuit breaker per subgraph name, made on the subgraph's first request with its settings. The
 * registry is exposed so that metrics can publish each breaker's state; every change of state is logged.
 */
public final class SubgraphBreakers {

  private static final Logger log = LoggerFactory.getLogger(SubgraphBreakers.class);

  /** Every state a breaker can be in, as {@link #whenCreated} reports them: {@code closed}, {@code open}, ... */
  public static final Set<String> STATES = Arrays.stream(CircuitBreaker.State.values()).map(SubgraphBreakers::name)
      .collect(Collectors.toUnmodifiableSet());

  private final TrafficOptions options;
  private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

  public SubgraphBreakers(TrafficOptions options) {
    this.options = options;
  }

  /** The subgraph's breaker; null when it has none ({@code breaker.enabled=false}). */
  CircuitBreaker breaker(String subgraph) {
    BreakerOptions settings = options.forSubgraph(subgraph).breaker();
    if (!settings.enabled()) {
      return null;
    }
    return registry.find(subgraph).orElseGet(() -> create(subgraph, settings));
  }

  private synchronized CircuitBreaker create(String subgraph, BreakerOptions settings) {
    if (registry.find(subgraph).isPresent()) {
      return registry.find(subgraph).get();
    }
    CircuitBreaker breaker = registry.circuitBreaker(subgraph, config(settings));
    breaker.getEventPublisher().onStateTransition(event -> log.warn("Circuit breaker of subgraph '{}': {} -> {}",
        subgraph, event.getStateTransition().getFromState(), event.getStateTransition().getToState()));
    return breaker;
  }

  private static CircuitBreakerConfig config(BreakerOptions settings) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(settings.windowSize())
        .minimumNumberOfCalls(settings.minimumCalls())
        .failureRateThreshold(settings.failureRateThreshold())
        .slowCallRateThreshold(settings.slowCallRateThreshold())
        .slowCallDurationThreshold(settings.slowCallDuration())
        .waitDurationInOpenState(settings.waitInOpen())
        .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
        .build();
  }

  /** The Resilience4j registry, for metrics: one breaker per subgraph asked so far. */
  public CircuitBreakerRegistry registry() {
    return registry;
  }

  /** Tells {@code listener} of each breaker made from now on: its subgraph and where to read its state. */
  public void whenCreated(BiConsumer<String, Supplier<String>> listener) {
    registry.getEventPublisher().onEntryAdded(event -> {
      CircuitBreaker breaker = event.getAddedEntry();
      listener.accept(breaker.getName(), () -> name(breaker.getState()));
    });
  }

  private static String name(CircuitBreaker.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /** Each subgraph's breaker state (CLOSED, OPEN, HALF_OPEN), by subgraph name; subgraphs not asked yet are absent. */
  public Map<String, String> states() {
    Map<String, String> states = new TreeMap<>();
    registry.getAllCircuitBreakers().forEach(b -> states.put(b.getName(), b.getState().name()));
    return states;
  }
}
