package dev.shopfed.bench;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Executing cached plans against in-process, memoized subgraphs (no network, subgraph cost ~0), so the numbers are
 * the engine's own: building representation batches, reading subgraph JSON, merging it into the result tree,
 * shaping the response, and writing the response JSON as the HTTP layer would.
 *
 * <ul>
 *   <li>{@code testQuery*}: the gateway-benchmark query (4 subgraphs, ~88 KB response), checked against its expected
 *       response at set-up;</li>
 *   <li>{@code batch*}: one root list of {@code items} products, then one entity fetch for all of them; each product
 *       appears {@code duplicates} times, so a batch carries items / duplicates distinct representations.</li>
 * </ul>
 * The engine's internals (RepresentationBatch, ResultTree, ResponseShaper) are package-private, so they are measured
 * through {@link GatewayEngine#execute}; {@code Json} is public and measured on its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecutionBenchmark {

  @State(Scope.Benchmark)
  public static class TestQuery {
    GatewayEngine engine;
    InProcessSubgraphs subgraphs;
    char[] query;
    Map<String, Object> response;
    byte[] largestSubgraphAnswer;

    @Setup(Level.Trial)
    public void setUp() {
      subgraphs = Workloads.testQuery();
      engine = GatewayEngine.load(Resources.text("testquery/supergraph.graphql"), GatewayOptions.defaults(), subgraphs);
      query = Resources.text("testquery/query.graphql").toCharArray();
      response = execute(this);
      long before = subgraphs.requests();
      execute(this);
      Object expected = Json.read(Resources.text("testquery/expected-response.json").getBytes(StandardCharsets.UTF_8));
      Object actual = Json.read(Json.write(response));
      if (!expected.equals(actual)) {
        throw new IllegalStateException("the engine's answer to the benchmark query differs from the expected one: "
            + Json.writeString(actual).substring(0, 400));
      }
      System.out.println("\ntestquery: response equals expected-response.json; " + (subgraphs.requests() - before)
          + " subgraph fetches per query");
      largestSubgraphAnswer = subgraphs.largestAnswer();
    }

    @TearDown
    public void tearDown() {
      engine.close();
    }
  }

  @State(Scope.Benchmark)
  public static class Batch {
    @Param({"100", "1000", "5000"})
    int items;

    @Param({"1", "10"})
    int duplicates;

    GatewayEngine engine;
    char[] query;
    Map<String, Object> variables;

    @Setup(Level.Trial)
    public void setUp() {
      engine = GatewayEngine.load(Resources.text("batch/supergraph.graphql"), GatewayOptions.defaults(),
          Workloads.batch());
      query = Resources.text("batch/query.graphql").toCharArray();
      variables = Map.of("n", items, "distinct", Math.max(1, items / duplicates));
      Map<String, Object> body = batch(this);
      if (body.containsKey("errors") || !(body.get("data") instanceof Map<?, ?> data)
          || ((List<?>) data.get("products")).size() != items) {
        throw new IllegalStateException("unexpected batch answer " + Json.writeString(body).substring(0, 400));
      }
    }

    @TearDown
    public void tearDown() {
      engine.close();
    }
  }

  /** Cached plan, 16-ish in-memory fetches, merge and shape; no serialization. */
  @Benchmark
  public Map<String, Object> testQueryExecute(TestQuery state) {
    return execute(state);
  }

  /** As {@link #testQueryExecute} plus writing the response JSON (what a client request costs the engine). */
  @Benchmark
  public byte[] testQueryExecuteAndWrite(TestQuery state) {
    return Json.write(execute(state));
  }

  /** Writing the ~88 KB response JSON alone. */
  @Benchmark
  public byte[] testQueryWriteResponse(TestQuery state) {
    return Json.write(state.response);
  }

  /** Reading the largest subgraph answer of the query (JSON to insertion-ordered maps). */
  @Benchmark
  public Object testQueryReadLargestSubgraphAnswer(TestQuery state) {
    return Json.read(state.largestSubgraphAnswer);
  }

  /** Root list, one batched entity fetch, merge, shape, write. */
  @Benchmark
  public byte[] batchExecuteAndWrite(Batch state) {
    return Json.write(batch(state));
  }

  static Map<String, Object> execute(TestQuery state) {
    return state.engine.execute(new GatewayRequest(new String(state.query), null, Map.of(), Map.of(), Map.of(), false))
        .join().body();
  }

  static Map<String, Object> batch(Batch state) {
    return state.engine.execute(new GatewayRequest(new String(state.query), null, state.variables, Map.of(), Map.of(),
        false)).join().body();
  }
}
