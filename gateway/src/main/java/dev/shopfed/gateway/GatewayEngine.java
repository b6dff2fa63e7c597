package dev.shopfed.gateway;

import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The federation engine for one loaded supergraph: parse and validate the operation, plan it,
 * execute the plan against the subgraphs, shape the response. Immutable per supergraph: a new
 * supergraph means a new engine, which also drops every cache.
 */
public final class GatewayEngine implements AutoCloseable {

  // Filled in by the engine implementation (supergraph → operation → planning → execution).
  private GatewayEngine() {}

  /** Loads a supergraph SDL (join v0.2–v0.5); throws {@link IllegalArgumentException} when it is not one. */
  public static GatewayEngine load(String supergraphSdl, GatewayOptions options) {
    throw new UnsupportedOperationException("engine under construction");
  }

  public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
    throw new UnsupportedOperationException("engine under construction");
  }

  /** The API schema clients see, printed as SDL. */
  public String apiSchemaSdl() {
    throw new UnsupportedOperationException("engine under construction");
  }

  @Override
  public void close() {}
}
