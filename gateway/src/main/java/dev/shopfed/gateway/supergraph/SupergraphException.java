package dev.shopfed.gateway.supergraph;

/** The SDL is not a supergraph this gateway can serve; the message says why. */
public class SupergraphException extends RuntimeException {
  public SupergraphException(String message) {
    super(message);
  }

  public SupergraphException(String message, Throwable cause) {
    super(message, cause);
  }
}
