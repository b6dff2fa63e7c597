package dev.shopfed.gateway;

import dev.shopfed.gateway.authorization.AuthorizationOptions;
import dev.shopfed.gateway.consent.ConsentOptions;
import dev.shopfed.gateway.cost.DemandControlOptions;
import dev.shopfed.gateway.headers.HeaderRules;
import dev.shopfed.gateway.limits.OperationLimits;
import dev.shopfed.gateway.migration.MigrationOptions;
import dev.shopfed.gateway.migration.ShadowCompareOptions;
import dev.shopfed.gateway.persisted.PersistedQueriesOptions;
import dev.shopfed.gateway.subgraphidentity.SubgraphIdentityOptions;
import dev.shopfed.gateway.telemetry.Telemetry;
import dev.shopfed.gateway.traffic.TrafficOptions;
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
 * @param propagateHeaders client request headers (lower-case names) forwarded to every subgraph: shorthand for
 *                         propagate rules ahead of {@code headers}; none by default
 * @param cacheSize        how many parsed documents and plans each cache keeps
 * @param persistedQueries automatic persisted queries and the safelist
 * @param memory           per-request memory budgets
 * @param limits           operation limits checked before validation, planning or any fetch
 * @param demandControl    operation cost limits ({@code gateway.demand-control.*})
 * @param exposure         introspection and subgraph error details: what clients may see
 * @param subgraphIdentity the identity token sent to the subgraphs ({@code gateway.subgraph-identity.*})
 * @param headers          header rules per subgraph ({@code gateway.headers.*})
 * @param authorization    enforcement of {@code @authenticated}, {@code @requiresScopes}, {@code @policy}
 *                         ({@code gateway.authorization.*})
 * @param consent          the consent registry and crossing log behind {@code @personalData} ({@code gateway.consent.*})
 * @param migration        progressive override at run time: label shares, counts, stickiness
 *                         ({@code gateway.migration.*})
 * @param shadowCompare    asking the other owner of fields under progressive override too, and comparing
 *                         ({@code gateway.migration.shadow.*}); off by default
 * @param traffic          per-subgraph transport (timeouts, in-flight bound, HTTP/2, answer cap, breaker, retries)
 *                         and the request deadline ({@code gateway.subgraphs.*}, {@code gateway.request-timeout});
 *                         by default every subgraph gets {@code subgraphTimeout} and the memory's answer cap
 * @param telemetry        where traces, metrics and access-log lines of requests go; none by default
 */
public record GatewayOptions(
    Map<String, URI> subgraphUrls,
    Duration subgraphTimeout,
    Set<String> overrideLabels,
    List<String> propagateHeaders,
    long cacheSize,
    PersistedQueriesOptions persistedQueries,
    MemoryOptions memory,
    OperationLimits limits,
    DemandControlOptions demandControl,
    ExposureOptions exposure,
    SubgraphIdentityOptions subgraphIdentity,
    HeaderRules headers,
    AuthorizationOptions authorization,
    ConsentOptions consent,
    MigrationOptions migration,
    ShadowCompareOptions shadowCompare,
    TrafficOptions traffic,
    Telemetry telemetry) {

  /** Without traffic settings: every subgraph with {@code subgraphTimeout} and the memory's answer cap. */
  public GatewayOptions(Map<String, URI> subgraphUrls, Duration subgraphTimeout, Set<String> overrideLabels,
      List<String> propagateHeaders, long cacheSize, PersistedQueriesOptions persistedQueries, MemoryOptions memory,
      OperationLimits limits, DemandControlOptions demandControl, ExposureOptions exposure,
      SubgraphIdentityOptions subgraphIdentity, HeaderRules headers, AuthorizationOptions authorization,
      ConsentOptions consent, MigrationOptions migration, ShadowCompareOptions shadowCompare) {
    this(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize, persistedQueries, memory, limits,
        demandControl, exposure, subgraphIdentity, headers, authorization, consent, migration, shadowCompare, null, null);
  }

  /** Without identity, header or authorization settings: their defaults. */
  public GatewayOptions(Map<String, URI> subgraphUrls, Duration subgraphTimeout, Set<String> overrideLabels,
      List<String> propagateHeaders, long cacheSize, PersistedQueriesOptions persistedQueries, MemoryOptions memory,
      OperationLimits limits, DemandControlOptions demandControl, ExposureOptions exposure) {
    this(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize, persistedQueries, memory, limits,
        demandControl, exposure, null, null, null, null, null, null, null, null);
  }

  /** Groups left null take their defaults. */
  public GatewayOptions {
    persistedQueries = persistedQueries == null ? PersistedQueriesOptions.defaults() : persistedQueries;
    memory = memory == null ? MemoryOptions.defaults() : memory;
    limits = limits == null ? OperationLimits.defaults() : limits;
    demandControl = demandControl == null ? DemandControlOptions.defaults() : demandControl;
    exposure = exposure == null ? ExposureOptions.defaults() : exposure;
    subgraphIdentity = subgraphIdentity == null ? SubgraphIdentityOptions.defaults() : subgraphIdentity;
    headers = headers == null ? HeaderRules.none() : headers;
    authorization = authorization == null ? AuthorizationOptions.defaults() : authorization;
    consent = consent == null ? ConsentOptions.disabled() : consent;
    migration = migration == null ? MigrationOptions.defaults() : migration;
    shadowCompare = shadowCompare == null ? ShadowCompareOptions.defaults() : shadowCompare;
    traffic = traffic == null ? TrafficOptions.of(subgraphTimeout == null ? Duration.ofSeconds(30) : subgraphTimeout,
        memory.maxSubgraphResponseBytes()) : traffic;
    telemetry = telemetry == null ? Telemetry.none() : telemetry;
  }

  public static GatewayOptions defaults() {
    return new GatewayOptions(Map.of(), Duration.ofSeconds(30), Set.of(), List.of(), 1000, null, null, null, null,
        null, null, null, null, null, null, null, null, null);
  }

  public GatewayOptions withSubgraphUrls(Map<String, URI> urls) {
    return edit(o -> o.subgraphUrls = Map.copyOf(urls));
  }

  public GatewayOptions withPersistedQueries(PersistedQueriesOptions settings) {
    return edit(o -> o.persistedQueries = settings);
  }

  public GatewayOptions withLimits(OperationLimits settings) {
    return edit(o -> o.limits = settings);
  }

  public GatewayOptions withDemandControl(DemandControlOptions settings) {
    return edit(o -> o.demandControl = settings);
  }

  public GatewayOptions withSubgraphIdentity(SubgraphIdentityOptions settings) {
    return edit(o -> o.subgraphIdentity = settings);
  }

  public GatewayOptions withHeaders(HeaderRules rules) {
    return edit(o -> o.headers = rules);
  }

  public GatewayOptions withAuthorization(AuthorizationOptions settings) {
    return edit(o -> o.authorization = settings);
  }

  public GatewayOptions withConsent(ConsentOptions settings) {
    return edit(o -> o.consent = settings);
  }

  public GatewayOptions withMigration(MigrationOptions settings) {
    return edit(o -> o.migration = settings);
  }

  public GatewayOptions withExposure(ExposureOptions settings) {
    return edit(o -> o.exposure = settings);
  }

  public GatewayOptions withShadowCompare(ShadowCompareOptions settings) {
    return edit(o -> o.shadowCompare = settings);
  }

  public GatewayOptions withTraffic(TrafficOptions settings) {
    return edit(o -> o.traffic = settings);
  }

  public GatewayOptions withTelemetry(Telemetry telemetry) {
    return edit(o -> o.telemetry = telemetry);
  }

  /** These options with what {@code change} sets on a copy. */
  private GatewayOptions edit(java.util.function.Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.options();
  }

  /** A mutable copy, so that each {@code with...} names only what it changes. */
  private static final class Draft {
    Map<String, URI> subgraphUrls;
    Duration subgraphTimeout;
    Set<String> overrideLabels;
    List<String> propagateHeaders;
    long cacheSize;
    PersistedQueriesOptions persistedQueries;
    MemoryOptions memory;
    OperationLimits limits;
    DemandControlOptions demandControl;
    ExposureOptions exposure;
    SubgraphIdentityOptions subgraphIdentity;
    HeaderRules headers;
    AuthorizationOptions authorization;
    ConsentOptions consent;
    MigrationOptions migration;
    ShadowCompareOptions shadowCompare;
    TrafficOptions traffic;
    Telemetry telemetry;

    Draft(GatewayOptions from) {
      subgraphUrls = from.subgraphUrls;
      subgraphTimeout = from.subgraphTimeout;
      overrideLabels = from.overrideLabels;
      propagateHeaders = from.propagateHeaders;
      cacheSize = from.cacheSize;
      persistedQueries = from.persistedQueries;
      memory = from.memory;
      limits = from.limits;
      demandControl = from.demandControl;
      exposure = from.exposure;
      subgraphIdentity = from.subgraphIdentity;
      headers = from.headers;
      authorization = from.authorization;
      consent = from.consent;
      migration = from.migration;
      shadowCompare = from.shadowCompare;
      traffic = from.traffic;
      telemetry = from.telemetry;
    }

    GatewayOptions options() {
      return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
          persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
          migration, shadowCompare, traffic, telemetry);
    }
  }
}
