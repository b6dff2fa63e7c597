package dev.shopfed.gateway.consent.jdbc;

/** A call to the consent store that did not complete: the database is unreachable, slow, or refused the statement. */
public final class ConsentStoreException extends RuntimeException {

  public ConsentStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
