package dev.shopfed.bench;

import dev.shopfed.gateway.operation.DocumentParser;
import dev.shopfed.gateway.operation.ParsedDocument;
import dev.shopfed.gateway.planning.QueryPlan;
import dev.shopfed.gateway.planning.QueryPlanner;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.execution.CoercedVariables;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import java.util.Set;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cold planning: what a request costs the first time its operation is seen (no parse and no plan cache hit), on a
 * generated supergraph of 20 subgraphs and ~600 types, for a query of 50 leaf fields that crosses 5 entities and
 * needs 10+ subgraphs. The JIT is warm; the caches are not used.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanningBenchmark {

  Supergraph supergraph;
  DocumentParser parser;
  String query;
  ParsedDocument parsed;
  OperationDefinition operation;

  @Setup
  public void setUp() {
    supergraph = Supergraph.parse(Resources.text("large/supergraph.graphql"));
    parser = new DocumentParser(supergraph.apiSchema());
    query = Resources.text("large/query.graphql");
    parsed = parser.parse(query);
    if (!parsed.isValid()) {
      throw new IllegalStateException("large/query.graphql is not valid: " + parsed.errors());
    }
    operation = NodeUtil.getOperation(parsed.document(), null).operationDefinition;
    System.out.println("\n" + plan().text());
  }

  /** Normalizing the parsed operation and planning it. */
  @Benchmark
  public QueryPlan normalizeAndPlan() {
    return plan();
  }

  /** Everything a cache miss costs: parse and validate the text, normalize, plan. */
  @Benchmark
  public QueryPlan parseValidateNormalizeAndPlan() {
    ParsedDocument document = parser.parse(query);
    OperationDefinition definition = NodeUtil.getOperation(document.document(), null).operationDefinition;
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), document.document(), null, CoercedVariables.emptyVariables());
    return new QueryPlanner(supergraph).plan(normalized, definition, Set.of());
  }

  /** Parse and validation only (the document cache's miss cost). */
  @Benchmark
  public ParsedDocument parseAndValidate() {
    return parser.parse(query);
  }

  private QueryPlan plan() {
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), parsed.document(), null, CoercedVariables.emptyVariables());
    return new QueryPlanner(supergraph).plan(normalized, operation, Set.of());
  }
}
