package dev.shopfed.e2e;

/** One of the services did not become healthy; the message names it and quotes its log. */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }
}
