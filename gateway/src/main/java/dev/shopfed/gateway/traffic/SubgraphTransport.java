package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.HttpSubgraphClient;
import dev.shopfed.gateway.execution.SubgraphClient;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The transport to the subgraphs of one engine: HTTP with each subgraph's settings, wrapped (outermost first) in
 * the sharing of identical query fetches in flight, retries, the observation of each attempt (its span and timing), the circuit breaker and the bound on requests in
 * flight. A retry thus passes the breaker again, and an open breaker ends the retries.
 */
public final class SubgraphTransport {

  private final SubgraphBreakers breakers;
  private final SubgraphClient client;

  private SubgraphTransport(TrafficOptions options, SubgraphBreakers breakers, UnaryOperator<SubgraphClient> observe,
      Consumer<String> onShared) {
    this.breakers = breakers;
    this.client = compose(new HttpSubgraphClient(name -> options.forSubgraph(name).transport()), options, breakers,
        observe, onShared);
  }

  public static SubgraphTransport of(TrafficOptions options) {
    return new SubgraphTransport(options, new SubgraphBreakers(options), UnaryOperator.identity(), subgraph -> {});
  }

  /**
   * With breakers that outlive this transport (shared by the engines of successive supergraphs), {@code observe}
   * wrapped around each attempt, and {@code onShared} told the subgraph of each fetch that shared another's request.
   */
  public static SubgraphTransport of(TrafficOptions options, SubgraphBreakers breakers,
      UnaryOperator<SubgraphClient> observe, Consumer<String> onShared) {
    return new SubgraphTransport(options, breakers, observe, onShared);
  }

  /** The one place the decorators are put together. */
  static SubgraphClient compose(SubgraphClient http, TrafficOptions options, SubgraphBreakers breakers) {
    return compose(http, options, breakers, UnaryOperator.identity(), subgraph -> {});
  }

  private static SubgraphClient compose(SubgraphClient http, TrafficOptions options, SubgraphBreakers breakers,
      UnaryOperator<SubgraphClient> observe, Consumer<String> onShared) {
    SubgraphClient limited = new LimitedSubgraphClient(http, options);
    SubgraphClient breaking = new BreakingSubgraphClient(limited, breakers);
    SubgraphClient retrying = new RetryingSubgraphClient(observe.apply(breaking), options);
    return new SharedFetches(retrying, options, onShared);
  }

  public SubgraphClient client() {
    return client;
  }

  public SubgraphBreakers breakers() {
    return breakers;
  }
}
