package dev.shopfed.bench;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.OperationExecutor;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.operation.DocumentParser;
import dev.shopfed.gateway.operation.ParsedDocument;
import dev.shopfed.gateway.planning.QueryPlan;
import dev.shopfed.gateway.planning.QueryPlanner;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.execution.CoercedVariables;
import graphql.language.NodeUtil;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm path: a request whose operation text was seen before. Two views of the generated large supergraph's
 * 50-field query:
 *
 * <ul>
 *   <li>{@code cacheLookup*}: the two Caffeine lookups the engine does (document by text, plan by
 *       {@link OperationExecutor.PlanKey}), with the same String instance (hash cached) and with a fresh copy of the
 *       text per request, as an HTTP layer decodes it (hash and equals over the whole text, twice);</li>
 *   <li>{@code engineExecuteRootOnly}: {@link GatewayEngine#execute} end to end on that query where the root fetch
 *       answers {@code e0: null}, so nothing else is fetched: the engine's fixed cost per request around a cached
 *       plan (document and plan cache, variable coercion, one fetch round trip in memory, shaping).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanCacheBenchmark {

  String query;
  char[] queryChars;
  Cache<String, ParsedDocument> documents;
  Cache<OperationExecutor.PlanKey, QueryPlan> plans;
  GatewayEngine engine;

  @Setup
  public void setUp() {
    String sdl = Resources.text("large/supergraph.graphql");
    query = Resources.text("large/query.graphql");
    queryChars = query.toCharArray();
    Supergraph supergraph = Supergraph.parse(sdl);
    DocumentParser parser = new DocumentParser(supergraph.apiSchema());
    documents = Caffeine.newBuilder().maximumSize(1000).build();
    plans = Caffeine.newBuilder().maximumSize(1000).build();
    ParsedDocument parsed = documents.get(query, parser::parse);
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), parsed.document(), null, CoercedVariables.emptyVariables());
    plans.put(new OperationExecutor.PlanKey(query, null, Set.of(), Map.of()), new QueryPlanner(supergraph)
        .plan(normalized, NodeUtil.getOperation(parsed.document(), null).operationDefinition, Set.of()));

    byte[] rootNull = "{\"data\":{\"e0\":null}}".getBytes(StandardCharsets.UTF_8);
    SubgraphClient client = (subgraph, body, headers) ->
        CompletableFuture.completedFuture(new SubgraphClient.SubgraphResponse(200, rootNull));
    engine = GatewayEngine.load(sdl, GatewayOptions.defaults(), client);
    GatewayResponse first = engineExecuteRootOnly();
    if (first.body().containsKey("errors")) {
      throw new IllegalStateException("unexpected answer " + first.body());
    }
  }

  @TearDown
  public void tearDown() {
    engine.close();
  }

  @Benchmark
  public QueryPlan cacheLookupSameString() {
    return lookup(query);
  }

  @Benchmark
  public QueryPlan cacheLookupFreshString() {
    return lookup(new String(queryChars));
  }

  @Benchmark
  public GatewayResponse engineExecuteRootOnly() {
    GatewayRequest request = new GatewayRequest(new String(queryChars), null, Map.of(), Map.of(),
        Map.of("x-user-id", List.of("u1")), false);
    return engine.execute(request).join();
  }

  private QueryPlan lookup(String text) {
    ParsedDocument parsed = documents.getIfPresent(text);
    if (parsed == null) {
      throw new IllegalStateException("document cache miss");
    }
    return plans.getIfPresent(new OperationExecutor.PlanKey(text, null, Set.of(), Map.of()));
  }
}
