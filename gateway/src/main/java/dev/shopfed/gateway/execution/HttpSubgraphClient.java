package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Subgraph requests over the JDK's non-blocking HTTP client, keep-alive connections pooled per subgraph host. Answers
 * are handled (read, merged) on a small fixed pool, one thread per core: the client's default pool grows a thread per
 * concurrent response, hundreds under load, each costing memory and context switches for work that never blocks.
 */
public final class HttpSubgraphClient implements SubgraphClient {

  private final HttpClient client;
  private final ExecutorService answers;
  private final Duration timeout;
  private final long maxResponseBytes;
  private final Map<String, URI> uris = new ConcurrentHashMap<>();

  public HttpSubgraphClient(Duration timeout) {
    this(timeout, dev.shopfed.gateway.MemoryOptions.defaults().maxSubgraphResponseBytes());
  }

  /** @param maxResponseBytes answers past this many bytes are cut off while they stream in ({@link BoundedBody}) */
  public HttpSubgraphClient(Duration timeout, long maxResponseBytes) {
    this.timeout = timeout;
    this.maxResponseBytes = maxResponseBytes;
    AtomicInteger threads = new AtomicInteger();
    this.answers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
      Thread thread = new Thread(task, "subgraph-answers-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.client = HttpClient.newBuilder()
        .executor(answers)
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uris.computeIfAbsent(subgraph.url(), URI::create))
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return client.sendAsync(request.build(), BoundedBody.handler(maxResponseBytes))
        .thenApply(r -> new SubgraphResponse(r.statusCode(), r.body(), r.headers().map()));
  }

  @Override
  public void close() {
    answers.shutdown();
  }
}
