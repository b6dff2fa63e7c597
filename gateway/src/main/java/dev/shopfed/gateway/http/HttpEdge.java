package dev.shopfed.gateway.http;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The request checks of the HTTP layer itself, before a request is decoded into an operation.
 *
 * @param csrf     refuses requests a browser could forge cross-site
 * @param batching whether a body may hold an array of operations, and how many
 */
record HttpEdge(CsrfPrevention csrf, BatchingProperties batching) {

  static HttpEdge of(GatewayProperties properties) {
    return new HttpEdge(CsrfPrevention.of(properties.csrf()), properties.batching());
  }

  /** CSRF prevention on with its default headers, batching off: the defaults. */
  static HttpEdge defaults() {
    return new HttpEdge(new CsrfPrevention(true, List.of("x-apollo-operation-name", "apollo-require-preflight")),
        new BatchingProperties(false, 10));
  }

  /** The refusal of a batch of {@code size} operations, or null when it may run. */
  RejectedRequest checkBatch(int size) {
    if (!batching.enabled()) {
      return RejectedRequest.refused(HttpStatus.BAD_REQUEST, "BATCHING_NOT_ENABLED",
          "Request batching is not enabled (gateway.batching.enabled=false); send one operation per request");
    }
    if (size == 0) {
      return RejectedRequest.badRequest("The batch is empty; send at least one operation");
    }
    if (size > batching.maxSize()) {
      return RejectedRequest.refused(HttpStatus.BAD_REQUEST, "BATCH_LIMIT_EXCEEDED", "Batch of " + size
          + " operations exceeds the limit of " + batching.maxSize() + " (gateway.batching.max-size)");
    }
    return null;
  }
}
