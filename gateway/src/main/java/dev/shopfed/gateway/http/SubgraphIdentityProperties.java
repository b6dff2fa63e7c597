package dev.shopfed.gateway.http;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import dev.shopfed.gateway.subgraphidentity.SubgraphIdentityOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.subgraph-identity.*} settings: the token every subgraph request carries in
 * {@code x-gateway-identity}.
 *
 * @param enabled        whether subgraph requests carry it (default true)
 * @param issuer         its {@code iss} (default {@value SubgraphIdentityOptions#DEFAULT_ISSUER})
 * @param signingKeyFile a private EC P-256 JWK (JSON) to sign with; unset: a key generated at start, whose public
 *                       half {@code GET /.well-known/subgraph-identity/jwks.json} serves
 */
public record SubgraphIdentityProperties(
    @DefaultValue("true") boolean enabled,
    String issuer,
    Path signingKeyFile) {

  SubgraphIdentityOptions engineOptions() {
    return new SubgraphIdentityOptions(enabled, issuer, signingKeyFile == null ? null : readKey(signingKeyFile));
  }

  private static ECKey readKey(Path file) {
    String setting = "gateway.subgraph-identity.signing-key-file";
    try {
      JWK jwk = JWK.parse(Files.readString(file));
      if (!(jwk instanceof ECKey ec) || !ec.isPrivate()) {
        throw new IllegalArgumentException(setting + " must hold a private EC P-256 JWK: " + file);
      }
      return ec;
    } catch (IOException e) {
      throw new IllegalArgumentException(setting + ": cannot read " + file + " (" + e.getMessage() + ")", e);
    } catch (ParseException e) {
      throw new IllegalArgumentException(setting + ": " + file + " is not a JWK (" + e.getMessage() + ")", e);
    }
  }
}
