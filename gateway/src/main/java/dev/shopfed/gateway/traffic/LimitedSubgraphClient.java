package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the requests in flight to each subgraph ({@link SubgraphTraffic#maxConcurrentRequests()}); one past the
 * bound waits for a free place, at most its request timeout (or what is left of the deadline), then fails as a
 * timeout.
 */
final class LimitedSubgraphClient implements SubgraphClient {

  private final SubgraphClient next;
  private final TrafficOptions options;
  private final Map<String, InFlightLimit> limits = new ConcurrentHashMap<>();

  LimitedSubgraphClient(SubgraphClient next, TrafficOptions options) {
    this.next = next;
    this.options = options;
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return post(subgraph, body, headers, SubgraphCall.unbounded());
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    SubgraphTraffic traffic = options.forSubgraph(subgraph.name());
    InFlightLimit limit = limits.computeIfAbsent(subgraph.name(), n -> new InFlightLimit(traffic.maxConcurrentRequests()));
    CompletableFuture<Void> turn = limit.acquire();
    if (!turn.isDone()) {
      Duration wait = call.bound(traffic.requestTimeout());
      turn.orTimeout(Math.max(wait.toNanos(), 0), TimeUnit.NANOSECONDS);
    }
    return turn.handle((ignored, failure) -> failure)
        .thenCompose(failure -> failure != null ? gaveUp(limit, turn, subgraph) : send(limit, subgraph, body, headers, call));
  }

  private CompletableFuture<SubgraphResponse> send(InFlightLimit limit, Subgraph subgraph, byte[] body,
      Map<String, List<String>> headers, SubgraphCall call) {
    CompletableFuture<SubgraphResponse> sent;
    try {
      sent = next.post(subgraph, body, headers, call);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    return sent.whenComplete((r, f) -> limit.release());
  }

  private static CompletableFuture<SubgraphResponse> gaveUp(InFlightLimit limit, CompletableFuture<Void> turn,
      Subgraph subgraph) {
    limit.abandon(turn);
    return CompletableFuture.failedFuture(new HttpTimeoutException("no free place among the requests in flight to "
        + "subgraph '" + subgraph.name() + "' in time"));
  }

  @Override
  public void close() {
    next.close();
  }
}
