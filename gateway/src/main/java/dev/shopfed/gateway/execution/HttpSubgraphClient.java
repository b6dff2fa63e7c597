package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Subgraph requests over the JDK's non-blocking HTTP client, one client per subgraph (its connect timeout and HTTP
 * version are client-wide), keep-alive connections pooled per host. Answers are handled (read, merged) on one small
 * fixed pool, one thread per core: the client's default pool grows a thread per concurrent response, hundreds under
 * load, each costing memory and context switches for work that never blocks.
 */
public final class HttpSubgraphClient implements SubgraphClient {

  /**
   * How one subgraph is reached.
   *
   * @param connectTimeout   how long opening a connection may take
   * @param requestTimeout   how long one request may take, answer read included (less when the deadline is nearer)
   * @param http2            prefer HTTP/2 (ALPN on https, the upgrade on plain http), falling back to HTTP/1.1
   * @param maxResponseBytes answers past this many bytes are cut off while they stream in ({@link BoundedBody})
   */
  public record Transport(Duration connectTimeout, Duration requestTimeout, boolean http2, long maxResponseBytes) {}

  private final ExecutorService answers;
  private final Function<String, Transport> transports;
  private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
  private final Map<String, Transport> settings = new ConcurrentHashMap<>();
  private final Map<String, URI> uris = new ConcurrentHashMap<>();

  public HttpSubgraphClient(Duration timeout) {
    this(timeout, dev.shopfed.gateway.MemoryOptions.defaults().maxSubgraphResponseBytes());
  }

  public HttpSubgraphClient(Duration timeout, long maxResponseBytes) {
    this(name -> new Transport(timeout, timeout, false, maxResponseBytes));
  }

  /** @param transports the settings of each subgraph, by name */
  public HttpSubgraphClient(Function<String, Transport> transports) {
    this.transports = transports;
    AtomicInteger threads = new AtomicInteger();
    this.answers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
      Thread thread = new Thread(task, "subgraph-answers-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return post(subgraph, body, headers, SubgraphCall.unbounded());
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    Transport transport = settings.computeIfAbsent(subgraph.name(), transports);
    Duration timeout = call.bound(transport.requestTimeout());
    if (timeout.isNegative() || timeout.isZero()) {
      return CompletableFuture.failedFuture(new HttpTimeoutException("request deadline passed"));
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(uris.computeIfAbsent(subgraph.url(), URI::create))
        .timeout(timeout)
        .header("content-type", "application/json")
        .header("accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> values.forEach(v -> request.header(name, v)));
    return client(subgraph.name(), transport).sendAsync(request.build(), BoundedBody.handler(transport.maxResponseBytes()))
        .thenApply(r -> new SubgraphResponse(r.statusCode(), r.body(), r.headers().map()));
  }

  private HttpClient client(String subgraph, Transport transport) {
    return clients.computeIfAbsent(subgraph, name -> HttpClient.newBuilder()
        .executor(answers)
        .version(transport.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
        .connectTimeout(transport.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  @Override
  public void close() {
    answers.shutdown();
  }
}
