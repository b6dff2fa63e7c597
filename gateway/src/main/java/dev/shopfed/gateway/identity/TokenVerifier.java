package dev.shopfed.gateway.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Verifies one compact JWS against the configured keys: an accepted asymmetric algorithm, a known key, a valid
 * signature, {@code exp} present and not past, {@code nbf} reached, the issuer and an accepted audience. Unsigned
 * tokens and HMAC are refused whatever keys are known.
 */
public final class TokenVerifier {

  private final AuthenticationOptions options;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final boolean remoteKeys;

  private TokenVerifier(AuthenticationOptions options, JWKSource<SecurityContext> keys, boolean remoteKeys) {
    this.options = options;
    this.remoteKeys = remoteKeys;
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(
        JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null));
    processor.setJWSKeySelector(new KeySelector(algorithms(options.algorithms()), keys));
    processor.setJWSVerifierFactory(new EdDsaSupport.VerifierFactory());
    JWTClaimsSet exact = options.issuer() == null ? null : new JWTClaimsSet.Builder().issuer(options.issuer()).build();
    DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
        options.audiences().isEmpty() ? null : new HashSet<>(options.audiences()), exact, Set.of("exp"), null);
    claims.setMaxClockSkew((int) Math.min(Integer.MAX_VALUE, options.clockSkew().toSeconds()));
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** The verifier for enabled options: keys from the JWKS URL (preferred) or the JWKS file. */
  public static TokenVerifier create(AuthenticationOptions options) {
    algorithms(options.algorithms()); // refuses a symmetric algorithm before any key is read
    if (options.jwksUrl() != null) {
      return new TokenVerifier(options, remote(options), true);
    }
    return new TokenVerifier(options, new JwksFileSource(options.jwksFile()), false);
  }

  /** Whether verifying may wait on the network (a JWKS fetch): callers on an event loop move it off. */
  public boolean mayBlock() {
    return remoteKeys;
  }

  public Identity verify(String token) throws InvalidTokenException {
    if (token.length() > options.maxTokenBytes()) {
      throw new InvalidTokenException("longer than " + options.maxTokenBytes()
          + " bytes (gateway.authentication.max-token-size)");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw new InvalidTokenException("not a JWT");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new InvalidTokenException("not a signed JWT");
    }
    try {
      return identity(processor.process(signed, null));
    } catch (BadJWTException e) {
      throw new InvalidTokenException(claimsReason(e.getMessage()));
    } catch (KeySourceException e) {
      throw new InvalidTokenException("the keys to verify it could not be obtained");
    } catch (BadJOSEException | com.nimbusds.jose.JOSEException e) {
      throw new InvalidTokenException("signature, algorithm or key not accepted");
    }
  }

  private Identity identity(JWTClaimsSet claims) throws InvalidTokenException {
    Object subject = claims.getClaim(options.subjectClaim());
    if (subject != null && !(subject instanceof String)) {
      throw new InvalidTokenException("claim " + options.subjectClaim() + " is not a string");
    }
    return new Identity((String) subject, scopes(claims.getClaim(options.scopesClaim())), claims.toJSONObject());
  }

  private static Set<String> scopes(Object claim) {
    Set<String> scopes = new LinkedHashSet<>();
    if (claim instanceof String text) {
      for (String scope : text.trim().split("\\s+")) {
        if (!scope.isEmpty()) {
          scopes.add(scope);
        }
      }
    }
    if (claim instanceof Collection<?> list) {
      list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
    }
    return scopes;
  }

  /** nimbus's messages name the claim at fault; the client gets that, not the values it sent. */
  private static String claimsReason(String message) {
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (m.contains("expired")) {
      return "expired";
    }
    if (m.contains("before use time")) {
      return "not yet valid";
    }
    if (m.contains("aud")) {
      return "audience not accepted";
    }
    if (m.contains("iss")) {
      return "issuer not accepted";
    }
    if (m.contains("missing")) {
      return "required claims missing";
    }
    return "claims not accepted";
  }

  private static JWKSource<SecurityContext> remote(AuthenticationOptions options) {
    DefaultResourceRetriever retriever = new DefaultResourceRetriever(5_000, 5_000, 512 * 1024);
    long minInterval = options.jwksRefreshMinInterval().toMillis();
    try {
      JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.<SecurityContext>create(options.jwksUrl().toURL(), retriever)
          .retrying(true);
      builder = minInterval <= 0 ? builder.rateLimited(false) : builder.rateLimited(minInterval);
      return builder.build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("gateway.authentication.jwks-url is not a URL: " + options.jwksUrl(), e);
    }
  }

  private static Set<JWSAlgorithm> algorithms(List<String> names) {
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    for (String name : names) {
      JWSAlgorithm algorithm = JWSAlgorithm.parse(name.trim());
      if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm) || !JWSAlgorithm.Family.SIGNATURE.contains(algorithm)) {
        throw new IllegalArgumentException("gateway.authentication.algorithms: " + name
            + " is not an asymmetric signature algorithm");
      }
      algorithms.add(algorithm);
    }
    return algorithms;
  }
}
