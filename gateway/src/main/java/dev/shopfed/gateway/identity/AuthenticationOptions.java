package dev.shopfed.gateway.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How client bearer tokens are verified ({@code gateway.authentication.*}). Authentication is off when neither
 * {@code jwksUrl} nor {@code jwksFile} is set: every request is then anonymous.
 *
 * @param jwksUrl            the identity provider's JWKS, cached and fetched again when a token names an unknown key
 * @param jwksFile           a local JWKS file, read again when it changes
 * @param issuer             the {@code iss} every token must carry, or null for any
 * @param audiences          accepted {@code aud} values (a token must name one); empty for any
 * @param clockSkew          how far {@code exp} and {@code nbf} may be off
 * @param scopesClaim        the claim holding the scopes: a space-separated string or a JSON array
 * @param subjectClaim       the claim naming the subject
 * @param algorithms         accepted signature algorithms (asymmetric only: RS256, ES256, EdDSA, ...)
 * @param maxTokenBytes      longer tokens are refused unread
 * @param jwksRefreshMinInterval the least time between two fetches of the JWKS URL (unknown kids cannot hammer it)
 */
public record AuthenticationOptions(
    URI jwksUrl,
    Path jwksFile,
    String issuer,
    List<String> audiences,
    Duration clockSkew,
    String scopesClaim,
    String subjectClaim,
    List<String> algorithms,
    int maxTokenBytes,
    Duration jwksRefreshMinInterval) {

  public static final int DEFAULT_MAX_TOKEN_BYTES = 8 * 1024;

  public AuthenticationOptions {
    audiences = audiences == null ? List.of() : List.copyOf(audiences);
    clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
    scopesClaim = scopesClaim == null ? "scope" : scopesClaim;
    subjectClaim = subjectClaim == null ? "sub" : subjectClaim;
    algorithms = algorithms == null || algorithms.isEmpty() ? List.of("RS256", "ES256", "EdDSA") : List.copyOf(algorithms);
    maxTokenBytes = maxTokenBytes <= 0 ? DEFAULT_MAX_TOKEN_BYTES : maxTokenBytes;
    jwksRefreshMinInterval = jwksRefreshMinInterval == null ? Duration.ofSeconds(10) : jwksRefreshMinInterval;
  }

  public static AuthenticationOptions defaults() {
    return new AuthenticationOptions(null, null, null, List.of(), null, null, null, null, 0, null);
  }

  public boolean enabled() {
    return jwksUrl != null || jwksFile != null;
  }
}
