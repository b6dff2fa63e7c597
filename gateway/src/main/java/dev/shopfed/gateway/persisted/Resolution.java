package dev.shopfed.gateway.persisted;

import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;

/** What the persisted-operations stage made of a request: a request with its operation text, or a refusal. */
public sealed interface Resolution {

  /** Run this request; its {@code query} is the operation text. */
  record Run(GatewayRequest request) implements Resolution {}

  /** Answer this and send nothing to any subgraph. */
  record Refused(GatewayResponse response) implements Resolution {}
}
