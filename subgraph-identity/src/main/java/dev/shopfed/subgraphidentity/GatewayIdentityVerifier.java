package dev.shopfed.subgraphidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one {@code x-gateway-identity} token: ES256 only, signed by a key of the gateway's JWKS, {@code iss} the
 * gateway's, {@code aud} this subgraph, {@code iat} and {@code exp} present and current (within the clock skew).
 */
public final class GatewayIdentityVerifier {

  /** Far above any real token (about 400 bytes): a larger one is refused unread. */
  static final int MAX_TOKEN_LENGTH = 8 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public GatewayIdentityVerifier(GatewayIdentityProperties properties) {
    if (properties.audience() == null || properties.audience().isBlank()) {
      throw new IllegalStateException("shopfed.gateway-identity.audience must name this subgraph");
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys(properties)));
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(properties.audience(),
        new JWTClaimsSet.Builder().issuer(properties.issuer()).build(), Set.of("iat", "exp"));
    claims.setMaxClockSkew((int) properties.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** The caller the token names, or empty when the token is not a valid one for this subgraph. */
  public Optional<VerifiedCaller> verify(String token) {
    if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token.strip(), null);
      return Optional.of(new VerifiedCaller(claims.getSubject(), scopes(claims.getClaim("scope"))));
    } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Set<String> scopes(Object claim) {
    if (!(claim instanceof String text) || text.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+")));
  }

  private static JWKSource<SecurityContext> keys(GatewayIdentityProperties properties) {
    String file = properties.jwksFile();
    String url = properties.jwksUrl();
    if ((file == null || file.isBlank()) == (url == null || url.isBlank())) {
      throw new IllegalStateException("set exactly one of shopfed.gateway-identity.jwks-file and "
          + "shopfed.gateway-identity.jwks-url: the subgraph answers only requests the gateway signed");
    }
    if (url != null && !url.isBlank()) {
      try {
        return JWKSourceBuilder.create(URI.create(url.strip()).toURL()).retrying(true).build();
      } catch (MalformedURLException | IllegalArgumentException e) {
        throw new IllegalStateException("shopfed.gateway-identity.jwks-url is not a URL: " + url, e);
      }
    }
    if (file.startsWith("classpath:")) {
      return new ImmutableJWKSet<>(classpathJwks(file.substring("classpath:".length())));
    }
    return new FileJwkSource(Path.of(file.strip()));
  }

  private static JWKSet classpathJwks(String resource) {
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = GatewayIdentityVerifier.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("shopfed.gateway-identity.jwks-file: no classpath resource " + resource);
      }
      return JWKSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("shopfed.gateway-identity.jwks-file: " + resource + " is not a JWKS", e);
    }
  }
}
