package dev.shopfed.gateway.http;

import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Subgraph requests over Reactor Netty, on the event loops the server already runs: pooled keep-alive connections,
 * no thread per request. The engine's default JDK client serves library users; the server uses this one.
 */
final class NettySubgraphClient implements SubgraphClient {

  private final ConnectionProvider connections;
  private final HttpClient client;

  NettySubgraphClient(Duration timeout, int maxConnectionsPerSubgraph) {
    this.connections = ConnectionProvider.builder("subgraphs")
        .maxConnections(maxConnectionsPerSubgraph)
        .pendingAcquireMaxCount(-1)
        .maxIdleTime(Duration.ofSeconds(30))
        .build();
    this.client = HttpClient.create(connections)
        .keepAlive(true)
        .responseTimeout(timeout)
        .option(io.netty.channel.ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    return client
        .headers(h -> {
          h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
          h.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
          headers.forEach(h::set);
        })
        .post()
        .uri(subgraph.url())
        .send(Mono.just(Unpooled.wrappedBuffer(body)))
        .responseSingle((response, content) -> content.asByteArray()
            .defaultIfEmpty(new byte[0])
            .map(bytes -> new SubgraphResponse(response.status().code(), bytes)))
        .toFuture();
  }

  /** Engines come and go with the supergraph; the connections outlive them and close with the server. */
  SubgraphClient sharedByEngines() {
    NettySubgraphClient owner = this;
    return (subgraph, body, headers) -> owner.post(subgraph, body, headers);
  }

  @Override
  public void close() {
    connections.dispose();
  }
}
