package dev.shopfed.subgraphidentity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.List;

/** A JWKS file, read again whenever its modification time or size changes (key rotation without restart). */
final class FileJwkSource implements JWKSource<SecurityContext> {

  private record Loaded(FileTime modified, long size, JWKSet keys) {}

  private final Path file;
  private volatile Loaded loaded;

  FileJwkSource(Path file) {
    this.file = file;
    this.loaded = load();
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    try {
      Loaded current = loaded;
      if (!Files.getLastModifiedTime(file).equals(current.modified()) || Files.size(file) != current.size()) {
        current = load();
        loaded = current;
      }
      return selector.select(current.keys());
    } catch (IOException | RuntimeException e) {
      throw new KeySourceException("cannot read the gateway's JWKS file " + file + ": " + e.getMessage(), e);
    }
  }

  private Loaded load() {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      return new Loaded(modified, size, JWKSet.parse(Files.readString(file)));
    } catch (IOException | ParseException e) {
      throw new IllegalStateException("shopfed.gateway-identity.jwks-file: cannot read " + file + " as a JWKS ("
          + e.getMessage() + ")", e);
    }
  }
}
