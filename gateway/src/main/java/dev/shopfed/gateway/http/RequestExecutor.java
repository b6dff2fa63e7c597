package dev.shopfed.gateway.http;

import dev.shopfed.gateway.defer.IncrementalResponse;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.util.concurrent.CompletableFuture;

/** Where the HTTP layer sends decoded GraphQL requests. */
interface RequestExecutor {

  /** Whether a supergraph has loaded; until then requests get 503. */
  boolean ready();

  CompletableFuture<GatewayResponse> execute(GatewayRequest request);

  /** For a client that accepts incremental delivery; by default every request is answered in one part. */
  default CompletableFuture<IncrementalResponse> executeIncrementally(GatewayRequest request) {
    return execute(request).thenApply(IncrementalResponse::whole);
  }
}
