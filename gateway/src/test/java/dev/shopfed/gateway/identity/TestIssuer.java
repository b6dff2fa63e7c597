package dev.shopfed.gateway.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/** Keys and tokens of a test identity provider: RSA, EC P-256 and Ed25519 keys, and tokens of every kind. */
public final class TestIssuer {

  public static final String ISSUER = "https://issuer.test";
  public static final String AUDIENCE = "shop";

  public final RSAKey rsa;
  public final ECKey ec;
  public final OctetKeyPair ed;
  private final KeyPair edPair;

  public TestIssuer(String kidPrefix) {
    try {
      rsa = new RSAKeyGenerator(2048).keyID(kidPrefix + "-rsa").generate();
      ec = new ECKeyGenerator(Curve.P_256).keyID(kidPrefix + "-ec").generate();
      edPair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      byte[] x = Arrays.copyOfRange(edPair.getPublic().getEncoded(), 12, 44);
      ed = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(kidPrefix + "-ed").build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public JWKS. */
  public String jwks() {
    return new JWKSet(List.<JWK>of(rsa.toPublicJWK(), ec.toPublicJWK(), ed)).toString();
  }

  /** Valid claims: subject, issuer, audience, scopes, exp in an hour. */
  public static JWTClaimsSet.Builder claims(String subject, String scope) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)));
    return scope == null ? builder : builder.claim("scope", scope);
  }

  public String rs256(JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(JOSEObjectType.JWT).build(), claims,
        signer(() -> new RSASSASigner(rsa)));
  }

  public String es256(JWTClaimsSet claims) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims,
        signer(() -> new ECDSASigner(ec)));
  }

  public String withHeader(JWSHeader header, JWTClaimsSet claims) {
    return sign(header, claims, signer(() -> new RSASSASigner(rsa)));
  }

  /** HS256 keyed with the RSA public key's bytes: the algorithm-confusion attack. */
  public String hmacWithPublicKey(JWTClaimsSet claims) {
    byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
    return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build(), claims,
        signer(() -> new MACSigner(secret)));
  }

  public String edDsa(JWTClaimsSet claims) {
    String header = Base64URL.encode("{\"alg\":\"EdDSA\",\"kid\":\"" + ed.getKeyID() + "\"}").toString();
    String payload = Base64URL.encode(claims.toString()).toString();
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(edPair.getPrivate());
      signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
      return header + "." + payload + "." + Base64URL.encode(signature.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code alg: none}: header and claims, no signature. */
  public static String unsigned(JWTClaimsSet claims) {
    return Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(claims.toString()) + ".";
  }

  private interface SignerFactory {
    JWSSigner create() throws Exception;
  }

  private static JWSSigner signer(SignerFactory factory) {
    try {
      return factory.create();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
