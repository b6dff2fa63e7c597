package dev.shopfed.gateway.subgraphidentity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfed.gateway.identity.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Mints the {@code x-gateway-identity} token of one (identity, subgraph): ES256, {@code kid} in the header; claims
 * {@code iss}, {@code aud} = the subgraph's name, {@code sub} (absent when anonymous), {@code scope} (space
 * separated), {@code iat}, {@code exp} = iat + {@link #LIFETIME}. A token is reused for half its life, so signing
 * is off the hot path of all but one request in many.
 */
public final class SubgraphTokens {

  /** The request header the subgraphs read. */
  public static final String HEADER = "x-gateway-identity";
  public static final Duration LIFETIME = Duration.ofSeconds(60);
  private static final Duration REUSE = LIFETIME.dividedBy(2);

  private record TokenKey(String subject, Set<String> scopes, String audience) {}

  private final SubgraphIdentityOptions options;
  private final ECDSASigner signer;
  private final Clock clock;
  private final Cache<TokenKey, String> tokens;

  public SubgraphTokens(SubgraphIdentityOptions options) {
    this(options, Clock.systemUTC());
  }

  SubgraphTokens(SubgraphIdentityOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
    try {
      this.signer = new ECDSASigner(options.signingKey());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable subgraph identity signing key: " + e.getMessage(), e);
    }
    this.tokens = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REUSE).build();
  }

  public boolean enabled() {
    return options.enabled();
  }

  /** The token for requests of {@code identity} to the subgraph named {@code subgraph}. */
  public String tokenFor(Identity identity, String subgraph) {
    TokenKey key = new TokenKey(identity.subject(), new TreeSet<>(identity.scopes()), subgraph);
    return tokens.get(key, this::sign);
  }

  /** The public half of the signing key, as the JWKS the subgraphs verify against. */
  public Map<String, Object> publicJwks() {
    return publicJwks(options.signingKey());
  }

  public static Map<String, Object> publicJwks(ECKey key) {
    return new JWKSet(key.toPublicJWK()).toJSONObject(true);
  }

  private String sign(TokenKey key) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .issuer(options.issuer())
        .audience(key.audience())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)));
    if (key.subject() != null) {
      claims.subject(key.subject());
    }
    if (!key.scopes().isEmpty()) {
      claims.claim("scope", String.join(" ", key.scopes()));
    }
    JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(options.signingKey().getKeyID())
        .type(JOSEObjectType.JWT).build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the subgraph identity token", e);
    }
    return jwt.serialize();
  }
}
