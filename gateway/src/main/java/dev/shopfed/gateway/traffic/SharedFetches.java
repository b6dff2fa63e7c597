package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.SubgraphCall;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Identical query fetches in flight at the same time share one subgraph request, as Grafbase and Hive Gateway do by
 * default. Identical means the same subgraph URL, the same body and the same headers, every forwarded one and the
 * identity token included, so two callers who could be shown different data never share an answer. A mutation's
 * fetch (not retryable) is always sent on its own. The first fetch's request serves the others that arrive while it is
 * in flight; once it has answered, the next identical fetch sends a request again (nothing is cached).
 */
final class SharedFetches implements SubgraphClient {

  private final SubgraphClient next;
  private final TrafficOptions options;
  private final Consumer<String> onShared;
  private final Map<FetchKey, InFlight> inFlight = new ConcurrentHashMap<>();

  SharedFetches(SubgraphClient next, TrafficOptions options, Consumer<String> onShared) {
    this.next = next;
    this.options = options;
    this.onShared = onShared;
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return post(subgraph, body, headers, SubgraphCall.unbounded());
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    if (!call.retryable() || !options.forSubgraph(subgraph.name()).deduplicate()) {
      return next.post(subgraph, body, headers, call);
    }
    FetchKey key = new FetchKey(subgraph.url(), body, headers);
    InFlight mine = new InFlight();
    InFlight running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      running.joined = true;
      onShared.accept(subgraph.name());
      return running.answer.copy(); // a copy: one caller giving up must not cancel the others
    }
    send(subgraph, body, headers, call).whenComplete((response, failure) -> {
      inFlight.remove(key, mine);
      if (failure != null) {
        mine.answer.completeExceptionally(failure);
      } else {
        // parsed once for all when another fetch joined (one that joins this late parses the body itself)
        mine.answer.complete(mine.joined ? response.sharedByFetches() : response);
      }
    });
    return mine.answer.copy();
  }

  private CompletableFuture<SubgraphResponse> send(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    try {
      return next.post(subgraph, body, headers, call);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public void close() {
    next.close();
  }

  /** A request in flight and whether another fetch joined it. */
  private static final class InFlight {
    final CompletableFuture<SubgraphResponse> answer = new CompletableFuture<>();
    volatile boolean joined;
  }

  /** A whole subgraph request, compared by content; its hash computed once. */
  private static final class FetchKey {

    private final String url;
    private final byte[] body;
    private final Map<String, List<String>> headers;
    private final int hash;

    FetchKey(String url, byte[] body, Map<String, List<String>> headers) {
      this.url = url;
      this.body = body;
      this.headers = headers;
      this.hash = 31 * (31 * url.hashCode() + Arrays.hashCode(body)) + headers.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FetchKey key && hash == key.hash && url.equals(key.url)
          && Arrays.equals(body, key.body) && headers.equals(key.headers);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
