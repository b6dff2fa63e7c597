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
import java.util.List;
import java.util.UUID;

/**
 * The key pair promo signs its price quotes with, made fresh for each local federation: the private JWK for promo
 * ({@code shopfed.price-quote.signing-key-file}), the public JWKS for commerce ({@code shopfed.price-quote.jwks-file}),
 * both in the log directory. Key material is configuration: commerce never calls promo.
 */
record PriceQuoteKeys(Path signingKeyFile, Path jwksFile) {

  static PriceQuoteKeys locatedIn(Path dir) {
    return new PriceQuoteKeys(dir.resolve("price-quote-signing-key.json"), dir.resolve("price-quote-jwks.json"));
  }

  List<String> promoArguments() {
    return List.of("--shopfed.price-quote.signing-key-file=" + signingKeyFile);
  }

  List<String> commerceArguments() {
    return List.of("--shopfed.price-quote.jwks-file=" + jwksFile);
  }

  /** A new key pair, written to {@code dir} (replacing the last one). */
  static PriceQuoteKeys createIn(Path dir) {
    PriceQuoteKeys files = locatedIn(dir);
    try {
      ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
          .keyID("promo-" + UUID.randomUUID()).generate();
      Files.createDirectories(dir);
      Files.deleteIfExists(files.signingKeyFile());
      Files.createFile(files.signingKeyFile());
      try {
        Files.setPosixFilePermissions(files.signingKeyFile(), PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the log directory's own permissions apply
      }
      Files.writeString(files.signingKeyFile(), key.toJSONString());
      Files.writeString(files.jwksFile(), new JWKSet(key.toPublicJWK()).toString(true));
      return files;
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate promo's price quote key", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write promo's price quote keys to " + dir, e);
    }
  }
}
