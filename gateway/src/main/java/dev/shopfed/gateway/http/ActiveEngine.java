package dev.shopfed.gateway.http;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.defer.IncrementalResponse;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine serving requests right now. A request reads it once and holds it until its answer is complete, so
 * swapping in an engine for a new supergraph never mixes two supergraphs within one request, and the replaced engine
 * is closed only after the requests that hold it have finished.
 */
final class ActiveEngine implements RequestExecutor {

  private final AtomicReference<ServedEngine> engine = new AtomicReference<>();

  @Override
  public boolean ready() {
    return engine.get() != null;
  }

  @Override
  public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
    while (true) {
      ServedEngine current = engine.get();
      if (current == null) {
        throw new IllegalStateException("no supergraph loaded");
      }
      if (current.hold()) {
        return executeHolding(current, request);
      }
      // Closed between the read and the hold: a newer engine is in service by now.
    }
  }

  /** Held until the last part was delivered: the later parts run on the same engine. */
  @Override
  public CompletableFuture<IncrementalResponse> executeIncrementally(GatewayRequest request) {
    ServedEngine held = held();
    CompletableFuture<IncrementalResponse> answer;
    try {
      answer = held.engine().executeIncrementally(request);
    } catch (RuntimeException e) {
      held.release();
      throw e;
    }
    answer.whenComplete((response, failure) -> {
      if (response == null) {
        held.release();
        return;
      }
      response.finished().whenComplete((done, ignored) -> held.release());
    });
    return answer;
  }

  /** The engine in service, held; one closed between the read and the hold is replaced by a newer one by now. */
  private ServedEngine held() {
    while (true) {
      ServedEngine current = engine.get();
      if (current == null) {
        throw new IllegalStateException("no supergraph loaded");
      }
      if (current.hold()) {
        return current;
      }
    }
  }

  private static CompletableFuture<GatewayResponse> executeHolding(ServedEngine held, GatewayRequest request) {
    CompletableFuture<GatewayResponse> answer;
    try {
      answer = held.engine().execute(request);
    } catch (RuntimeException e) {
      held.release();
      throw e;
    }
    answer.whenComplete((response, failure) -> held.release());
    return answer;
  }

  /** The data flows of the supergraph in service; none before one is loaded. */
  java.util.List<dev.shopfed.gateway.consent.DataFlow> dataFlows() {
    ServedEngine current = engine.get();
    return current == null ? java.util.List.of() : current.engine().dataFlows();
  }

  /** The migration report of the supergraph in service, or null before one is loaded. */
  dev.shopfed.gateway.migration.MigrationReport migrationReport() {
    ServedEngine current = engine.get();
    return current == null ? null : current.engine().migrationReport();
  }

  /** The share each override label of the supergraph in service is on for; none before one is loaded. */
  java.util.Map<String, Double> overrideShares() {
    ServedEngine current = engine.get();
    return current == null ? java.util.Map.of() : current.engine().overrideShares();
  }

  /** The circuit breakers of the engine in service (for metrics), or null before one is loaded. */
  dev.shopfed.gateway.traffic.SubgraphBreakers breakers() {
    ServedEngine current = engine.get();
    return current == null ? null : current.engine().breakers();
  }

  /** Puts {@code next} in service (null: none) and answers the engine it replaces, or null; the caller retires it. */
  ServedEngine swap(GatewayEngine next) {
    return engine.getAndSet(next == null ? null : new ServedEngine(next));
  }
}
