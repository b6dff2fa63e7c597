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
    ShadowCompareOptions shadowCompare) {

  /** Without identity, header or authorization settings: their defaults. */
  public GatewayOptions(Map<String, URI> subgraphUrls, Duration subgraphTimeout, Set<String> overrideLabels,
      List<String> propagateHeaders, long cacheSize, PersistedQueriesOptions persistedQueries, MemoryOptions memory,
      OperationLimits limits, DemandControlOptions demandControl, ExposureOptions exposure) {
    this(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize, persistedQueries, memory, limits,
        demandControl, exposure, null, null, null, null, null, null);
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
  }

  public static GatewayOptions defaults() {
    return new GatewayOptions(Map.of(), Duration.ofSeconds(30), Set.of(), List.of(), 1000, null, null, null, null,
        null, null, null, null, null, null, null);
  }

  public GatewayOptions withSubgraphUrls(Map<String, URI> urls) {
    return new GatewayOptions(Map.copyOf(urls), subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withPersistedQueries(PersistedQueriesOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize, settings,
        memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent, migration,
        shadowCompare);
  }

  public GatewayOptions withLimits(OperationLimits operationLimits) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, operationLimits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withDemandControl(DemandControlOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, settings, exposure, subgraphIdentity, headers, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withSubgraphIdentity(SubgraphIdentityOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, settings, headers, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withHeaders(HeaderRules rules) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, rules, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withAuthorization(AuthorizationOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, settings, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withConsent(ConsentOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, settings,
        migration, shadowCompare);
  }

  public GatewayOptions withMigration(MigrationOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
        settings, shadowCompare);
  }

  public GatewayOptions withExposure(ExposureOptions exposure) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
        migration, shadowCompare);
  }

  public GatewayOptions withShadowCompare(ShadowCompareOptions settings) {
    return new GatewayOptions(subgraphUrls, subgraphTimeout, overrideLabels, propagateHeaders, cacheSize,
        persistedQueries, memory, limits, demandControl, exposure, subgraphIdentity, headers, authorization, consent,
        migration, settings);
  }
}
