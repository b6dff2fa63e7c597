package dev.shopfed.gateway;

import dev.shopfed.gateway.cost.DemandControlOptions;
import dev.shopfed.gateway.persisted.PersistedQueriesOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one gateway engine.
 *
 * @param subgraphUrls     per-subgraph URL overrides, keyed by the subgraph name of {@code @join__graph(name:)}
 * @param subgraphTimeout  how long one subgraph request may take before it counts as failed
 * @param overrideLabels   progressive-override labels switched on by configuration ({@code percent(N)}
 *                         labels are drawn per request and need not be listed)
 * @param propagateHeaders client request headers (lower-case names) forwarded to every subgraph
 * @param cacheSize        how many parsed documents and plans each cache keeps
 * @param persistedQueries automatic persisted queries and the safelist
 * @param memory           per-request memory budgets
 * @param demandControl    operation cost limits ({@code gateway.demand-control.*})
 */
public record GatewayOptions(
    Map<String, URI> subgraphUrls,
    Duration subgraphTimeout,
    Set<String> overrideLabels,
    List<String> propagateHeaders,
    long cacheSize,
    PersistedQueriesOptions persistedQueries,
    MemoryOptions memory,
    DemandControlOptions demandControl) {

  public GatewayOptions {
    demandControl = demandControl == null ? DemandControlOptions.defaults() : demandControl;
  }

  public static GatewayOptions defaults() {
    return new GatewayOptions(Map.of(), Duration.ofSeconds(30), Set.of(), List.of("authorization", "x-user-id"), 1000,
        PersistedQueriesOptions.defaults(), MemoryOptions.defaults(), DemandControlOptions.defaults());
  }

  public GatewayOptions withSubgraphUrls(Map<String, URI> urls) {
    return new GatewayOptions(Map.copyOf(urls), subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, demandControl);
  }

  public GatewayOptions withPersistedQueries(PersistedQueriesOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize, settings,
        memory, demandControl);
  }

  public GatewayOptions withDemandControl(DemandControlOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, settings);
  }
}
