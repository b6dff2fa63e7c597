package dev.shopfed.gateway.execution;

/** A subgraph's answer went past {@code gateway.memory.max-subgraph-response-size}; reading it was stopped. */
public final class SubgraphResponseTooLarge extends RuntimeException {

  private final long limitBytes;

  public SubgraphResponseTooLarge(long limitBytes) {
    super("subgraph response is larger than the limit of " + limitBytes
        + " bytes (gateway.memory.max-subgraph-response-size)", null, false, false);
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
