package dev.shopfed.gateway.http;

/** The persisted query manifest could not be read or is not one; start-up prints just the message. */
final class ManifestLoadFailure extends RuntimeException {

  ManifestLoadFailure(String message) {
    super(message.replaceAll("\\s*\\R\\s*", " "), null, false, false);
  }
}
