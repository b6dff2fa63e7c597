package dev.shopfed.gateway.http;

import dev.shopfed.gateway.ExposureOptions;
import dev.shopfed.gateway.GatewayOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gateway.*} settings. Engine settings left unset take {@link GatewayOptions#defaults()}.
 *
 * @param supergraph       the supergraph SDL: a file path or an http(s) URL
 * @param subgraphUrls     per-subgraph URL overrides ({@code gateway.subgraph-urls.<name>=<url>})
 * @param subgraphTimeout  how long one subgraph request may take
 * @param overrideLabels   progressive-override labels switched on
 * @param propagateHeaders client headers forwarded to every subgraph (default none; shorthand for propagate rules)
 * @param cacheSize        how many parsed documents and plans the engine caches
 * @param explain          whether the {@code apollo-expose-query-plan} header is honoured
 * @param pollInterval     how often a supergraph file (and the migration labels file) is checked for changes
 * @param maxRequestSize   the largest request body accepted
 * @param persistedQueries automatic persisted queries and the safelist ({@code gateway.persisted-queries.*})
 * @param rateLimit        per-client rate limiting ({@code gateway.rate-limit.*})
 * @param memory           per-request memory budgets ({@code gateway.memory.*})
 * @param limits           operation limits ({@code gateway.limits.*})
 * @param demandControl    operation cost limits ({@code gateway.demand-control.*})
 * @param csrf             CSRF prevention ({@code gateway.csrf.*})
 * @param cors             cross-origin access ({@code gateway.cors.*}); none unless origins are listed
 * @param introspection    whether {@code __schema} and {@code __type} may be queried
 * @param batching         HTTP request batching ({@code gateway.batching.*})
 * @param errors           error masking ({@code gateway.errors.*})
 * @param subgraphIdentity the identity token sent to the subgraphs ({@code gateway.subgraph-identity.*})
 * @param headers          header rules per subgraph ({@code gateway.headers.*})
 * @param authentication   verification of client bearer tokens ({@code gateway.authentication.*})
 * @param authorization    field authorization from the supergraph's directives ({@code gateway.authorization.*})
 * @param explorer         the explorer page ({@code gateway.explorer.*})
 * @param consent          the consent registry, crossing log and consent API ({@code gateway.consent.*})
 * @param migration        progressive override at run time ({@code gateway.migration.*})
 * @param requestTimeout   the deadline of one client request (30 s by default)
 * @param subgraphs        transport settings: {@code all} for every subgraph, or by subgraph name
 * @param reload           supergraph URL polling and the retirement of a replaced supergraph ({@code gateway.reload.*})
 */
@ConfigurationProperties("gateway")
public record GatewayProperties(
    String supergraph,
    Map<String, URI> subgraphUrls,
    Duration subgraphTimeout,
    Set<String> overrideLabels,
    List<String> propagateHeaders,
    Long cacheSize,
    @DefaultValue("true") boolean explain,
    @DefaultValue("2s") Duration pollInterval,
    @DefaultValue("2MB") DataSize maxRequestSize,
    @DefaultValue PersistedQueriesProperties persistedQueries,
    @DefaultValue RateLimitProperties rateLimit,
    @DefaultValue MemoryProperties memory,
    LimitsProperties limits,
    @DefaultValue DemandControlProperties demandControl,
    @DefaultValue CsrfProperties csrf,
    @DefaultValue CorsProperties cors,
    @DefaultValue("true") boolean introspection,
    @DefaultValue BatchingProperties batching,
    @DefaultValue ErrorProperties errors,
    @DefaultValue SubgraphIdentityProperties subgraphIdentity,
    HeadersProperties headers,
    @DefaultValue AuthenticationProperties authentication,
    @DefaultValue AuthorizationProperties authorization,
    @DefaultValue ExplorerProperties explorer,
    @DefaultValue ConsentProperties consent,
    @DefaultValue MigrationProperties migration,
    Duration requestTimeout,
    Map<String, SubgraphTrafficProperties> subgraphs,
    @DefaultValue ReloadProperties reload) {

  public GatewayOptions engineOptions() {
    GatewayOptions options = engineOptionsWithoutTraffic();
    return options.withTraffic(SubgraphTrafficProperties.engineOptions(subgraphs, requestTimeout,
        options.subgraphTimeout(), options.memory().maxSubgraphResponseBytes()));
  }

  private GatewayOptions engineOptionsWithoutTraffic() {
    GatewayOptions defaults = GatewayOptions.defaults();
    return new GatewayOptions(
        subgraphUrls == null ? defaults.subgraphUrls() : Map.copyOf(subgraphUrls),
        subgraphTimeout == null ? defaults.subgraphTimeout() : subgraphTimeout,
        overrideLabels == null ? defaults.overrideLabels() : Set.copyOf(overrideLabels),
        propagateHeaders == null ? defaults.propagateHeaders() : lowerCase(propagateHeaders),
        cacheSize == null ? defaults.cacheSize() : cacheSize,
        persistedQueries == null ? defaults.persistedQueries() : persistedQueries.engineOptions(),
        memory == null ? defaults.memory() : memory.engineOptions(),
        LimitsProperties.engineLimits(limits),
        demandControl == null ? defaults.demandControl() : demandControl.engineOptions(),
        new ExposureOptions(introspection, errors.exposeSubgraphErrors()),
        subgraphIdentity == null ? defaults.subgraphIdentity() : subgraphIdentity.engineOptions(),
        headers == null ? defaults.headers() : headers.engineRules(),
        null, // authorization: SupergraphLoader adds it, with the PolicyEvaluator bean
        null, // consent: SupergraphLoader adds it, with the consent store bean
        null, // migration: SupergraphLoader adds it, shared by every engine
        null, // shadow compare: SupergraphLoader adds it, from ShadowCompareProperties
        null, // traffic: engineOptions adds it
        null); // telemetry: SupergraphLoader adds it, from the Telemetry bean
  }

  private static List<String> lowerCase(List<String> headers) {
    return headers.stream().map(String::trim).filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).toList();
  }
}
