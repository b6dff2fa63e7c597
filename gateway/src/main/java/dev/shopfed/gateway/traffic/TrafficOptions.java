package dev.shopfed.gateway.traffic;

import java.time.Duration;
import java.util.Map;

/**
 * Transport settings of every subgraph and the request's deadline.
 *
 * @param all            what every subgraph gets ({@code gateway.subgraphs.all.*})
 * @param subgraphs      per subgraph name, settings over {@code all} ({@code gateway.subgraphs.<name>.*})
 * @param requestTimeout the deadline of one client request ({@code gateway.request-timeout}): fetches not started by
 *                       then are skipped, and no fetch runs past it
 */
public record TrafficOptions(SubgraphTraffic all, Map<String, SubgraphTraffic> subgraphs, Duration requestTimeout) {

  public TrafficOptions {
    subgraphs = Map.copyOf(subgraphs);
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be positive");
    }
  }

  /** Every subgraph alike, with the given request timeout and answer cap; a request deadline of 30 s. */
  public static TrafficOptions of(Duration subgraphTimeout, long maxSubgraphResponseBytes) {
    return new TrafficOptions(SubgraphTraffic.defaults(subgraphTimeout, maxSubgraphResponseBytes), Map.of(),
        Duration.ofSeconds(30));
  }

  public SubgraphTraffic forSubgraph(String name) {
    return subgraphs.getOrDefault(name, all);
  }

  public TrafficOptions withRequestTimeout(Duration timeout) {
    return new TrafficOptions(all, subgraphs, timeout);
  }

  public TrafficOptions withAll(SubgraphTraffic settings) {
    return new TrafficOptions(settings, subgraphs, requestTimeout);
  }

  public TrafficOptions withSubgraph(String name, SubgraphTraffic settings) {
    var copy = new java.util.HashMap<>(subgraphs);
    copy.put(name, settings);
    return new TrafficOptions(all, copy, requestTimeout);
  }
}
