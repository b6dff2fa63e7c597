package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.supergraph.Subgraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends one GraphQL request body to a subgraph and answers its raw HTTP response. */
public interface SubgraphClient extends AutoCloseable {

  CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers);

  /**
   * As {@link #post(Subgraph, byte[], Map)}, knowing whether the fetch may be retried and how long it may take; the
   * transport decorators ({@code dev.shopfed.gateway.traffic}) read it, a plain client may ignore it.
   */
  default CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers,
      SubgraphCall call) {
    return post(subgraph, body, headers);
  }

  @Override
  default void close() {}

  /** The subgraph's HTTP answer; header names in any case. */
  record SubgraphResponse(int status, byte[] body, Map<String, List<String>> headers) {

    public SubgraphResponse {
      headers = headers == null ? Map.of() : headers;
    }

    public SubgraphResponse(int status, byte[] body) {
      this(status, body, Map.of());
    }
  }
}
