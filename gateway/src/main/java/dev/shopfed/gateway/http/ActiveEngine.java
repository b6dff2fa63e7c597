package dev.shopfed.gateway.http;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine serving requests right now. A request reads it once, so swapping in an engine for a new supergraph
 * never mixes two supergraphs within one request.
 */
final class ActiveEngine implements RequestExecutor {

  private final AtomicReference<GatewayEngine> engine = new AtomicReference<>();

  @Override
  public boolean ready() {
    return engine.get() != null;
  }

  @Override
  public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
    GatewayEngine current = engine.get();
    if (current == null) {
      throw new IllegalStateException("no supergraph loaded");
    }
    return current.execute(request);
  }

  /** The data flows of the supergraph in service; none before one is loaded. */
  java.util.List<dev.shopfed.gateway.consent.DataFlow> dataFlows() {
    GatewayEngine current = engine.get();
    return current == null ? java.util.List.of() : current.dataFlows();
  }

  /** The migration report of the supergraph in service, or null before one is loaded. */
  dev.shopfed.gateway.migration.MigrationReport migrationReport() {
    GatewayEngine current = engine.get();
    return current == null ? null : current.migrationReport();
  }

  /** The share each override label of the supergraph in service is on for; none before one is loaded. */
  java.util.Map<String, Double> overrideShares() {
    GatewayEngine current = engine.get();
    return current == null ? java.util.Map.of() : current.overrideShares();
  }

  /** The circuit breakers of the engine in service (for metrics), or null before one is loaded. */
  dev.shopfed.gateway.traffic.SubgraphBreakers breakers() {
    GatewayEngine current = engine.get();
    return current == null ? null : current.breakers();
  }

  /** Puts {@code next} in service and answers the engine it replaces, or null. */
  GatewayEngine swap(GatewayEngine next) {
    return engine.getAndSet(next);
  }
}
