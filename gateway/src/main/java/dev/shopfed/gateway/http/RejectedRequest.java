package dev.shopfed.gateway.http;

import org.springframework.http.HttpStatus;

/** A request turned away before it reaches the engine; answered as a GraphQL error with this status and code. */
final class RejectedRequest extends RuntimeException {

  private final HttpStatus status;
  private final String code;

  private RejectedRequest(HttpStatus status, String message) {
    this(status, status.name(), message);
  }

  private RejectedRequest(HttpStatus status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** A refusal with its own {@code extensions.code}, e.g. {@code CSRF_ERROR}. */
  static RejectedRequest refused(HttpStatus status, String code, String message) {
    return new RejectedRequest(status, code, message);
  }

  /** A bearer token that does not verify: 401 with {@code WWW-Authenticate}, code {@code UNAUTHENTICATED}. */
  static RejectedRequest unauthenticated(String message) {
    return new RejectedRequest(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", message);
  }

  static RejectedRequest badRequest(String message) {
    return new RejectedRequest(HttpStatus.BAD_REQUEST, message);
  }

  static RejectedRequest unsupportedMediaType(String message) {
    return new RejectedRequest(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message);
  }

  static RejectedRequest tooLarge(long limitBytes) {
    return new RejectedRequest(HttpStatus.CONTENT_TOO_LARGE,
        "Request body is larger than the limit of " + limitBytes + " bytes");
  }

  static RejectedRequest methodNotAllowed(String message) {
    return new RejectedRequest(HttpStatus.METHOD_NOT_ALLOWED, message);
  }

  static RejectedRequest notReady() {
    return new RejectedRequest(HttpStatus.SERVICE_UNAVAILABLE, "No supergraph is loaded yet");
  }

  HttpStatus status() {
    return status;
  }

  /** The error's {@code extensions.code}: its own, or the status name, e.g. {@code BAD_REQUEST}. */
  String code() {
    return code;
  }
}
