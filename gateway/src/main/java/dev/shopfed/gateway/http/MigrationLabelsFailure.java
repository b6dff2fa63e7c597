package dev.shopfed.gateway.http;

/** The labels file cannot be read or is not a list of shares; the message names the file and the problem. */
final class MigrationLabelsFailure extends RuntimeException {

  MigrationLabelsFailure(String message) {
    super(message, null, false, false);
  }
}
