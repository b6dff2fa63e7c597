package dev.shopfed.subgraphidentity.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Tokens as the gateway mints them, for the subgraphs' tests: signed with the test key whose public half is
 * {@link #JWKS} (set {@code shopfed.gateway-identity.jwks-file} to it), or deliberately wrong.
 */
public final class GatewayTokens {

  /** The public JWKS of the test key, as a {@code shopfed.gateway-identity.jwks-file} value. */
  public static final String JWKS = "classpath:gateway-identity-test/jwks.json";
  public static final String HEADER = "x-gateway-identity";
  public static final String ISSUER = "shopfed-gateway";

  private static final ECKey KEY = load("gateway-identity-test/private-jwk.json");

  private GatewayTokens() {}

  /** A valid token for {@code audience} (the subgraph name) naming {@code subject} (null: anonymous). */
  public static String token(String audience, String subject) {
    return sign(KEY, KEY.getKeyID(), claims(audience, subject, Instant.now()));
  }

  /** A token issued at {@code issuedAt}, valid for 60 seconds from then. */
  public static String issuedAt(String audience, String subject, Instant issuedAt) {
    return sign(KEY, KEY.getKeyID(), claims(audience, subject, issuedAt));
  }

  /** A token that names the test key but is signed with another one. */
  public static String forged(String audience, String subject) {
    try {
      ECKey other = new ECKeyGenerator(Curve.P_256).keyID(KEY.getKeyID()).generate();
      return sign(other, KEY.getKeyID(), claims(audience, subject, Instant.now()));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A validly signed token with another issuer. */
  public static String withIssuer(String audience, String subject, String issuer) {
    JWTClaimsSet base = claims(audience, subject, Instant.now());
    return sign(KEY, KEY.getKeyID(), new JWTClaimsSet.Builder(base).issuer(issuer).build());
  }

  private static JWTClaimsSet claims(String audience, String subject, Instant issuedAt) {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(audience)
        .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(Duration.ofSeconds(60))));
    if (subject != null) {
      claims.subject(subject).claim("scope", "buyer payments:write");
    }
    return claims.build();
  }

  private static String sign(ECKey key, String kid, JWTClaimsSet claims) {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static ECKey load(String resource) {
    try (InputStream in = GatewayTokens.class.getClassLoader().getResourceAsStream(resource)) {
      return ECKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
