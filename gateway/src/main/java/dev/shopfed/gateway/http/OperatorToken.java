package dev.shopfed.gateway.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The operator's bearer token guarding an endpoint (the crossing-log export, the migration admin endpoint): while
 * none is configured the endpoint answers 404, and without the right one 401.
 */
final class OperatorToken {

  private final byte[] expectedDigest;
  private final String setting;
  private final String endpoint;

  /**
   * @param token    the configured token; null or blank turns the endpoint off
   * @param setting  the setting's name, for the refusals' messages
   * @param endpoint what the endpoint is, for the refusals' messages
   */
  OperatorToken(String token, String setting, String endpoint) {
    this.expectedDigest = token == null || token.isBlank() ? null : digest("Bearer " + token);
    this.setting = setting;
    this.endpoint = endpoint;
  }

  /** Why the request may not use the endpoint, or null when it carries the token. */
  RejectedRequest refusal(ServerRequest request) {
    if (expectedDigest == null) {
      return RejectedRequest.refused(HttpStatus.NOT_FOUND, "NOT_FOUND", "The " + endpoint + " is off: set "
          + setting + " to turn it on");
    }
    String given = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
    // Digests of equal length: the comparison's time says nothing about the token, not even its length.
    if (given == null || !MessageDigest.isEqual(expectedDigest, digest(given))) {
      return RejectedRequest.refused(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The " + endpoint
          + " needs the operator's token (" + setting + ") as a bearer token");
    }
    return null;
  }

  private static byte[] digest(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
