package dev.shopfed.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopfed.gateway.defer.IncrementalDelivery;
import dev.shopfed.gateway.defer.IncrementalResponse;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.ObservedSubgraphClient;
import dev.shopfed.gateway.execution.OperationExecutor;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.migration.ShadowCompare;
import dev.shopfed.gateway.operation.DocumentParser;
import dev.shopfed.gateway.operation.ParsedDocument;
import dev.shopfed.gateway.persisted.PersistedOperations;
import dev.shopfed.gateway.persisted.Resolution;
import dev.shopfed.gateway.planning.QueryPlanner;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.traffic.SubgraphBreakers;
import dev.shopfed.gateway.traffic.SubgraphTransport;
import graphql.schema.idl.SchemaPrinter;
import java.util.concurrent.CompletableFuture;

/**
 * The federation engine for one loaded supergraph: resolve persisted operations, parse and validate the operation,
 * plan it, execute the plan against the subgraphs, shape the response. Immutable per supergraph: a new supergraph
 * means a new engine, which also drops every cache (persisted operations, when shared, outlive it).
 */
public final class GatewayEngine implements AutoCloseable {

  private final Supergraph supergraph;
  private final SubgraphClient client;
  private final SubgraphBreakers breakers;
  private final OperationExecutor executor;
  private final IncrementalDelivery incremental;
  private final PersistedOperations persisted;
  private final boolean ownsPersisted;

  private GatewayEngine(Supergraph supergraph, GatewayOptions options, SubgraphClient client,
      SubgraphBreakers breakers, PersistedOperations persisted, boolean ownsPersisted) {
    this.supergraph = supergraph;
    this.client = client;
    this.breakers = breakers;
    this.persisted = persisted;
    this.ownsPersisted = ownsPersisted;
    DocumentParser parser = new DocumentParser(supergraph.apiSchema(), options.limits(), options.telemetry());
    Cache<String, ParsedDocument> documents = cache(options, "document");
    Cache<OperationExecutor.PlanKey, OperationExecutor.PreparedPlan> plans = cache(options, "plan");
    this.executor = new OperationExecutor(supergraph, options, client, parser, documents, new QueryPlanner(supergraph),
        plans);
    this.incremental = new IncrementalDelivery(executor::rejection, executor::execute);
  }

  /** Its hits and misses counted when telemetry keeps them. */
  private static <K, V> Cache<K, V> cache(GatewayOptions options, String name) {
    Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(options.cacheSize());
    var stats = options.telemetry().cacheStats(name);
    return stats == null ? builder.build() : builder.recordStats(() -> stats).build();
  }

  /** How far the migration of this supergraph's overridden fields is (traffic counted since this engine began). */
  public dev.shopfed.gateway.migration.MigrationReport migrationReport() {
    return executor.migrationReport();
  }

  /** Every flow of classified data between subgraphs that this supergraph's plans can cause. */
  public java.util.List<dev.shopfed.gateway.consent.DataFlow> dataFlows() {
    return executor.dataFlows();
  }

  /** The share of requests each of the supergraph's progressive-override labels is on for right now. */
  public java.util.Map<String, Double> overrideShares() {
    return executor.overrideShares();
  }

  /** The shadow compare of fields under progressive override: its settings and what it has found. */
  public ShadowCompare shadowCompare() {
    return executor.shadowCompare();
  }

  /** Loads a supergraph SDL (join v0.2–v0.5); throws {@link IllegalArgumentException} when it is not one. */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options) {
    return load(supergraphSdl, options, (PersistedOperations) null);
  }

  /**
   * As {@link #load(String, GatewayOptions)}, with persisted operations shared by several engines (the caller
   * closes them); null makes the engine its own from {@link GatewayOptions#persistedQueries()}.
   */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options, PersistedOperations persisted) {
    return load(supergraphSdl, options, persisted, new SubgraphBreakers(options.traffic()));
  }

  /**
   * As {@link #load(String, GatewayOptions, PersistedOperations)}, with circuit breakers shared by several engines,
   * so that a subgraph's breaker keeps its state when the supergraph is reloaded.
   */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options, PersistedOperations persisted,
      SubgraphBreakers breakers) {
    SubgraphTransport transport = SubgraphTransport.of(options.traffic(), breakers,
        attempt -> ObservedSubgraphClient.of(attempt, options.telemetry()), options.telemetry()::sharedFetch);
    try {
      return load(supergraphSdl, options, transport.client(), transport.breakers(), persisted);
    } catch (RuntimeException e) {
      transport.client().close();
      throw e;
    }
  }

  /** The circuit breaker of each subgraph (none with a transport of the caller's own), for metrics. */
  public SubgraphBreakers breakers() {
    return breakers;
  }

  /** As {@link #load(String, GatewayOptions)}, with the given transport to the subgraphs. */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options, SubgraphClient client) {
    return load(supergraphSdl, options, client, null);
  }

  /** With the given transport and shared persisted operations (null: the engine's own). */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options, SubgraphClient client,
      PersistedOperations persisted) {
    return load(supergraphSdl, options, ObservedSubgraphClient.of(client, options.telemetry()),
        new SubgraphBreakers(options.traffic()), persisted);
  }

  private static GatewayEngine load(String supergraphSdl, GatewayOptions options, SubgraphClient client,
      SubgraphBreakers breakers, PersistedOperations persisted) {
    Supergraph supergraph;
    try {
      supergraph = Supergraph.parse(supergraphSdl).withSubgraphUrls(options.subgraphUrls());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    if (persisted != null) {
      return new GatewayEngine(supergraph, options, client, breakers, persisted, false);
    }
    return new GatewayEngine(supergraph, options, client, breakers,
        PersistedOperations.create(options.persistedQueries()), true);
  }

  /** Persisted operations turn the request into its text (or refuse it) before it is parsed. */
  public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
    return persisted.resolve(request).thenCompose(resolution -> resolution instanceof Resolution.Refused refused
        ? CompletableFuture.completedFuture(refused.response())
        : executor.execute(((Resolution.Run) resolution).request()));
  }

  /**
   * As {@link #execute}, for a client that accepts incremental delivery: its {@code @defer} fragments come in later
   * parts ({@link #execute} answers them inline).
   */
  public CompletableFuture<IncrementalResponse> executeIncrementally(GatewayRequest request) {
    return persisted.resolve(request).thenCompose(resolution -> resolution instanceof Resolution.Refused refused
        ? CompletableFuture.completedFuture(IncrementalResponse.whole(refused.response()))
        : incremental.execute(((Resolution.Run) resolution).request()));
  }

  /** The API schema clients see, printed as SDL. */
  public String apiSchemaSdl() {
    return new SchemaPrinter(SchemaPrinter.Options.defaultOptions().includeDirectives(d -> !isBuiltIn(d)))
        .print(supergraph.apiSchema());
  }

  public Supergraph supergraph() {
    return supergraph;
  }

  private static boolean isBuiltIn(String directive) {
    return switch (directive) {
      case "skip", "include", "deprecated", "specifiedBy", "oneOf", "defer", "experimental_disableErrorPropagation" -> true;
      default -> false;
    };
  }

  @Override
  public void close() {
    client.close();
    if (ownsPersisted) {
      persisted.close();
    }
  }
}
