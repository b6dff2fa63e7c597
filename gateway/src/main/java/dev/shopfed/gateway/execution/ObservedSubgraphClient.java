package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.supergraph.Subgraph;
import dev.shopfed.gateway.telemetry.FetchObservation;
import dev.shopfed.gateway.telemetry.Telemetry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subgraph client that reports each fetch to {@link Telemetry}: a client span carrying {@code traceparent} to the
 * subgraph, and its timing. A decorator that sends the same body again (a retry) counts as the next attempt.
 */
public final class ObservedSubgraphClient implements SubgraphClient {

  private final SubgraphClient delegate;
  private final Telemetry telemetry;
  /** Sends per request body; arrays hash by identity, and a body no longer referenced drops out. */
  private final Map<byte[], AtomicInteger> attempts = Collections.synchronizedMap(new WeakHashMap<>());

  private ObservedSubgraphClient(SubgraphClient delegate, Telemetry telemetry) {
    this.delegate = delegate;
    this.telemetry = telemetry;
  }

  /** {@code client} itself when nothing is observed. */
  public static SubgraphClient of(SubgraphClient client, Telemetry telemetry) {
    return telemetry == Telemetry.none() ? client : new ObservedSubgraphClient(client, telemetry);
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return post(subgraph, body, headers, SubgraphCall.unbounded());
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    int attempt = attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
    FetchObservation fetch = telemetry.fetch(subgraph.name(), attempt, headers);
    CompletableFuture<SubgraphResponse> sent;
    try {
      sent = delegate.post(subgraph, body, fetch.headers(), call);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    // Completed inside the request's context: the fetches the answer leads to are traced as the same request's.
    CompletableFuture<SubgraphResponse> answered = new CompletableFuture<>();
    sent.whenComplete((response, failure) -> fetch.end(response == null ? 0 : response.status(), failure, () -> {
      if (failure != null) {
        answered.completeExceptionally(failure);
      } else {
        answered.complete(response);
      }
    }));
    return answered;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
