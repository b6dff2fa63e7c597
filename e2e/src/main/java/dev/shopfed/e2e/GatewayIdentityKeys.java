package dev.shopfed.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * The key pair the gateway signs its subgraph identity tokens with, made fresh for each local federation: the
 * private JWK for the gateway ({@code gateway.subgraph-identity.signing-key-file}), the public JWKS for the subgraphs
 * ({@code shopfed.gateway-identity.jwks-file}), both in the log directory.
 *
 * @param signingKeyFile the private EC P-256 JWK
 * @param jwksFile       its public half as a JWKS
 */
record GatewayIdentityKeys(Path signingKeyFile, Path jwksFile) {

  /** Where {@link #createIn} puts them. */
  static GatewayIdentityKeys locatedIn(Path dir) {
    return new GatewayIdentityKeys(dir.resolve("gateway-identity-signing-key.json"),
        dir.resolve("gateway-identity-jwks.json"));
  }

  /** A new key pair, written to {@code dir} (replacing the last one). */
  static GatewayIdentityKeys createIn(Path dir) {
    GatewayIdentityKeys files = locatedIn(dir);
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
          .keyID("local-" + UUID.randomUUID()).generate();
      Files.createDirectories(dir);
      Path signingKey = files.signingKeyFile();
      Files.deleteIfExists(signingKey);
      Files.createFile(signingKey);
      restrictToOwner(signingKey);
      Files.writeString(signingKey, key.toJSONString());
      Files.writeString(files.jwksFile(), new JWKSet(key.toPublicJWK()).toString(true));
      return files;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate the gateway's identity key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the gateway's identity keys to " + dir, e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the log directory's own permissions apply
    }
  }
}
