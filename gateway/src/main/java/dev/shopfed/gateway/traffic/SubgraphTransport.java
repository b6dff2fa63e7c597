package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.HttpSubgraphClient;
import dev.shopfed.gateway.execution.SubgraphClient;

/**
 * The transport to the subgraphs of one engine: HTTP with each subgraph's settings, wrapped (outermost first) in
 * retries, the circuit breaker and the bound on requests in flight. A retry thus passes the breaker again, and an
 * open breaker ends the retries.
 */
public final class SubgraphTransport {

  private final SubgraphBreakers breakers;
  private final SubgraphClient client;

  private SubgraphTransport(TrafficOptions options, SubgraphBreakers breakers) {
    this.breakers = breakers;
    this.client = compose(new HttpSubgraphClient(name -> options.forSubgraph(name).transport()), options, breakers);
  }

  public static SubgraphTransport of(TrafficOptions options) {
    return new SubgraphTransport(options, new SubgraphBreakers(options));
  }

  /** With breakers that outlive this transport (shared by the engines of successive supergraphs). */
  public static SubgraphTransport of(TrafficOptions options, SubgraphBreakers breakers) {
    return new SubgraphTransport(options, breakers);
  }

  /** The one place the decorators are put together. */
  static SubgraphClient compose(SubgraphClient http, TrafficOptions options, SubgraphBreakers breakers) {
    SubgraphClient limited = new LimitedSubgraphClient(http, options);
    SubgraphClient breaking = new BreakingSubgraphClient(limited, breakers);
    return new RetryingSubgraphClient(breaking, options);
  }

  public SubgraphClient client() {
    return client;
  }

  public SubgraphBreakers breakers() {
    return breakers;
  }
}
