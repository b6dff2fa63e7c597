package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a query's fetch again when the subgraph did not serve it (see {@link RetryOptions}), after a jittered
 * exponential wait, while the subgraph's {@link RetryBudget} and the request's deadline allow. A fetch that is not
 * {@link SubgraphCall#retryable()} (a mutation's) goes out exactly once.
 */
final class RetryingSubgraphClient implements SubgraphClient {

  private static final Logger log = LoggerFactory.getLogger(RetryingSubgraphClient.class);

  private final SubgraphClient next;
  private final TrafficOptions options;
  private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();

  RetryingSubgraphClient(SubgraphClient next, TrafficOptions options) {
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
    RetryOptions retry = options.forSubgraph(subgraph.name()).retry();
    if (!call.retryable() || !retry.enabled() || retry.maxRetries() == 0) {
      return next.post(subgraph, body, headers, call);
    }
    RetryBudget budget = budgets.computeIfAbsent(subgraph.name(), n -> new RetryBudget(retry, System::nanoTime));
    budget.recordRequest();
    CompletableFuture<SubgraphResponse> result = new CompletableFuture<>();
    attempt(new Attempt(subgraph, body, headers, call, retry, budget, result), 1);
    return result;
  }

  private record Attempt(Subgraph subgraph, byte[] body, Map<String, List<String>> headers, SubgraphCall call,
      RetryOptions retry, RetryBudget budget, CompletableFuture<SubgraphResponse> result) {}

  private void attempt(Attempt a, int number) {
    CompletableFuture<SubgraphResponse> sent;
    try {
      sent = next.post(a.subgraph(), a.body(), a.headers(), a.call());
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete((response, failure) -> {
      if (number > a.retry().maxRetries() || !notServed(response, failure)) {
        complete(a.result(), response, failure);
        return;
      }
      Duration wait = backoff(a.retry(), number);
      if (a.call().timeLeft().compareTo(wait) <= 0 || !a.budget().tryRetry()) {
        complete(a.result(), response, failure);
        return;
      }
      log.debug("Retrying a fetch from subgraph '{}' in {} ms (retry {})", a.subgraph().name(), wait.toMillis(), number);
      CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS).execute(() -> attempt(a, number + 1));
    });
  }

  /** Full jitter: anywhere from 0 to the exponential step, capped. */
  static Duration backoff(RetryOptions retry, int retryNumber) {
    long step = retry.backoff().toNanos() << Math.min(retryNumber - 1, 20);
    long cap = Math.min(step, retry.maxBackoff().toNanos());
    return Duration.ofNanos(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1));
  }

  /** The subgraph says (or the transport shows) it did not serve the request: asking again is safe for a query. */
  static boolean notServed(SubgraphResponse response, Throwable failure) {
    if (failure == null) {
      int status = response.status();
      return status == 502 || status == 503 || status == 504;
    }
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof IOException && !(cause instanceof HttpTimeoutException);
  }

  private static void complete(CompletableFuture<SubgraphResponse> result, SubgraphResponse response,
      Throwable failure) {
    if (failure != null) {
      result.completeExceptionally(failure);
      return;
    }
    result.complete(response);
  }

  @Override
  public void close() {
    next.close();
  }
}
