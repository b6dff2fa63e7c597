package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.execution.SubgraphResponseTooLarge;
import dev.shopfed.gateway.execution.SubgraphUnavailable;
import dev.shopfed.gateway.supergraph.Subgraph;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks a subgraph only while its circuit breaker lets it: when open, the fetch fails at once with
 * {@link SubgraphUnavailable}. A transport failure or an HTTP 5xx counts as failed, a slow answer as slow; an answer
 * over the size cap says nothing of the subgraph's health and is not counted.
 */
final class BreakingSubgraphClient implements SubgraphClient {

  private final SubgraphClient next;
  private final SubgraphBreakers breakers;

  BreakingSubgraphClient(SubgraphClient next, SubgraphBreakers breakers) {
    this.next = next;
    this.breakers = breakers;
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return post(subgraph, body, headers, SubgraphCall.unbounded());
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    CircuitBreaker breaker = breakers.breaker(subgraph.name());
    if (breaker == null) {
      return next.post(subgraph, body, headers, call);
    }
    if (!breaker.tryAcquirePermission()) {
      return CompletableFuture.failedFuture(new SubgraphUnavailable(subgraph.name()));
    }
    long start = System.nanoTime();
    CompletableFuture<SubgraphResponse> sent;
    try {
      sent = next.post(subgraph, body, headers, call);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.whenComplete((response, failure) -> record(breaker, System.nanoTime() - start, response, failure));
  }

  private static void record(CircuitBreaker breaker, long nanos, SubgraphResponse response, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof SubgraphResponseTooLarge) {
      breaker.releasePermission();
      return;
    }
    if (cause != null) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, cause);
      return;
    }
    if (response.status() >= 500) {
      breaker.onError(nanos, TimeUnit.NANOSECONDS, new ServerError(response.status()));
      return;
    }
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
  }

  /** An HTTP 5xx answer, as the breaker counts it. */
  private static final class ServerError extends RuntimeException {
    ServerError(int status) {
      super("HTTP " + status, null, false, false);
    }
  }

  @Override
  public void close() {
    next.close();
  }
}
