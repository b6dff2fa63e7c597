package dev.shopfed.gateway.http;

/** The supergraph could not be read or is not a valid supergraph; the message says which and why. */
final class SupergraphLoadFailure extends RuntimeException {

  SupergraphLoadFailure(String message) {
    // One line, no stack trace: the message is the whole story, and start-up prints just that.
    super(message.replaceAll("\\s*\\R\\s*", " "), null, false, false);
  }
}
