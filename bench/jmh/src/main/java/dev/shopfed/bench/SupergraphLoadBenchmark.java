package dev.shopfed.bench;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Supergraph;
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
import org.openjdk.jmh.annotations.Warmup;

/** Start-up: reading the generated 20-subgraph, ~600-type supergraph (234 KB) into a model and a whole engine. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SupergraphLoadBenchmark {

  String sdl;

  @Setup
  public void setUp() {
    sdl = Resources.text("large/supergraph.graphql");
  }

  @Benchmark
  public Supergraph parseSupergraph() {
    return Supergraph.parse(sdl);
  }

  @Benchmark
  public GatewayEngine loadEngine() {
    SubgraphClient none = (subgraph, body, headers) -> CompletableFuture.failedFuture(new IllegalStateException());
    return GatewayEngine.load(sdl, GatewayOptions.defaults(), none);
  }
}
