package dev.shopfed.gateway.http;

import dev.shopfed.gateway.identity.AuthenticationOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gateway.authentication.*} settings: how client bearer tokens are verified. Off (every request anonymous)
 * unless {@code jwks-url} or {@code jwks-file} is set.
 *
 * @param jwksUrl                the identity provider's JWKS URL (http or https)
 * @param jwksFile               a local JWKS file, read again when it changes
 * @param issuer                 the required {@code iss}
 * @param audiences              accepted {@code aud} values
 * @param clockSkew              tolerance on {@code exp} and {@code nbf} (default 60s)
 * @param scopesClaim            the claim with the scopes (default {@code scope})
 * @param subjectClaim           the claim with the subject (default {@code sub})
 * @param algorithms             accepted algorithms (default RS256, ES256, EdDSA)
 * @param maxTokenSize           longer tokens are refused (default 8KB)
 * @param jwksRefreshMinInterval least time between two JWKS fetches (default 10s)
 */
public record AuthenticationProperties(URI jwksUrl, Path jwksFile, String issuer, List<String> audiences,
    Duration clockSkew, String scopesClaim, String subjectClaim, List<String> algorithms, DataSize maxTokenSize,
    Duration jwksRefreshMinInterval) {

  AuthenticationOptions engineOptions() {
    if (jwksUrl != null && !List.of("http", "https").contains(String.valueOf(jwksUrl.getScheme()))) {
      throw new IllegalArgumentException("gateway.authentication.jwks-url must be an http(s) URL, not " + jwksUrl);
    }
    return new AuthenticationOptions(jwksUrl, jwksFile, blankToNull(issuer), audiences, clockSkew,
        blankToNull(scopesClaim), blankToNull(subjectClaim), algorithms,
        maxTokenSize == null ? 0 : (int) Math.min(Integer.MAX_VALUE, maxTokenSize.toBytes()), jwksRefreshMinInterval);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
