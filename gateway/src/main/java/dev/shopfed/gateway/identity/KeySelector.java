package dev.shopfed.gateway.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Keys of the accepted algorithms only (so a token cannot pick HMAC or none); Ed25519 keys as JDK keys. */
final class KeySelector extends JWSVerificationKeySelector<SecurityContext> {

  KeySelector(Set<JWSAlgorithm> algorithms, JWKSource<SecurityContext> source) {
    super(algorithms, source);
  }

  @Override
  public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
    if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
      return super.selectJWSKeys(header, context);
    }
    if (!isAllowed(header.getAlgorithm())) {
      return List.of();
    }
    return getJWKSource().get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context).stream()
        .map(EdDsaSupport::publicKey)
        .filter(Objects::nonNull)
        .map(PublicKey.class::cast)
        .map(Key.class::cast)
        .toList();
  }
}
