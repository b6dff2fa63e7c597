package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.supergraph.Subgraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** Subgraph requests over the JDK's non-blocking HTTP client, keep-alive connections pooled per subgraph host. */
public final class HttpSubgraphClient implements SubgraphClient {

  private final HttpClient client;
  private final Duration timeout;
  private final Map<String, URI> uris = new ConcurrentHashMap<>();

  public HttpSubgraphClient(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
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
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> new SubgraphResponse(r.statusCode(), r.body()));
  }
}
