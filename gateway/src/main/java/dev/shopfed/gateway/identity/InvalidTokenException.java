package dev.shopfed.gateway.identity;

/** A bearer token was sent but cannot be trusted: the request is refused (401) before anything runs. */
public final class InvalidTokenException extends Exception {

  public static final String CODE = "UNAUTHENTICATED";

  public InvalidTokenException(String reason) {
    super("Invalid bearer token: " + reason, null, false, false);
  }
}
