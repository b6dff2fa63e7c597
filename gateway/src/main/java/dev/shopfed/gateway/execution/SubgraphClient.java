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

  /**
   * The subgraph's HTTP answer; header names in any case. {@code shared} is set when several fetches share this one
   * answer (in-flight de-duplication): its JSON is then parsed once for all of them.
   */
  record SubgraphResponse(int status, byte[] body, Map<String, List<String>> headers, SharedAnswer shared) {

    public SubgraphResponse {
      headers = headers == null ? Map.of() : headers;
    }

    public SubgraphResponse(int status, byte[] body, Map<String, List<String>> headers) {
      this(status, body, headers, null);
    }

    public SubgraphResponse(int status, byte[] body) {
      this(status, body, Map.of());
    }

    /** This answer for several fetches: each gets its own copy of one parse. */
    public SubgraphResponse sharedByFetches() {
      return shared != null ? this : new SubgraphResponse(status, body, headers, new SharedAnswer(body));
    }

    /**
     * The body's JSON as a tree of insertion-ordered maps and lists this fetch may change (it is merged in place);
     * throws {@link tools.jackson.core.JacksonException} when the body is not JSON.
     */
    Object readTree() {
      return shared == null ? Json.read(body) : shared.copy();
    }
  }
}
