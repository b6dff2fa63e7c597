package dev.shopfed.gateway.subgraphidentity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.util.UUID;

/**
 * How the gateway tells the subgraphs who is asking ({@code gateway.subgraph-identity.*}): always the identity the
 * client's verified bearer token carries, never anything a client header claims.
 *
 * @param enabled    whether every subgraph request carries an {@code x-gateway-identity} token
 * @param issuer     the tokens' {@code iss}
 * @param signingKey the private EC P-256 key the tokens are signed with (ES256); its {@code kid} names it
 */
public record SubgraphIdentityOptions(boolean enabled, String issuer, ECKey signingKey) {

  public static final String DEFAULT_ISSUER = "shopfed-gateway";

  public SubgraphIdentityOptions {
    issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
    if (signingKey != null && !signingKey.isPrivate()) {
      throw new IllegalArgumentException("the subgraph identity signing key must be a private EC key");
    }
    if (signingKey != null && !Curve.P_256.equals(signingKey.getCurve())) {
      throw new IllegalArgumentException("the subgraph identity signing key must be on curve P-256 (ES256)");
    }
    signingKey = signingKey == null ? ProcessKey.KEY : signingKey;
  }

  /**
   * The key of a gateway configured with none: generated once per process (lazily), so that options built again on a
   * reload keep signing with the key the subgraphs already fetched from the JWKS endpoint.
   */
  private static final class ProcessKey {
    static final ECKey KEY = generateKey();
  }

  public static SubgraphIdentityOptions defaults() {
    return new SubgraphIdentityOptions(true, DEFAULT_ISSUER, null);
  }

  /** A fresh P-256 key, for a gateway configured with none (its subgraphs then trust its JWKS endpoint). */
  public static ECKey generateKey() {
    try {
      return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an EC P-256 key", e);
    }
  }
}
