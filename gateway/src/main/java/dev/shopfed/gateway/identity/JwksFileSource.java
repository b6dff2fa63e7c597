package dev.shopfed.gateway.identity;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.util.List;

/**
 * Keys from a local JWKS file, read again whenever its modification time or size changes, so keys rotate without a
 * restart. A file that cannot be read or parsed any more keeps the last good keys.
 */
final class JwksFileSource implements JWKSource<SecurityContext> {

  private record Loaded(FileTime modified, long size, JWKSet keys) {}

  private final Path file;
  private volatile Loaded loaded;

  /** Reads the file now: a gateway pointed at a missing or broken JWKS does not start. */
  JwksFileSource(Path file) {
    this.file = file;
    try {
      this.loaded = read();
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException("gateway.authentication.jwks-file " + file + " is not a readable JWKS: "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
    return selector.select(current());
  }

  private JWKSet current() {
    Loaded last = loaded;
    try {
      if (Files.getLastModifiedTime(file).equals(last.modified()) && Files.size(file) == last.size()) {
        return last.keys();
      }
      synchronized (this) {
        loaded = read();
        return loaded.keys();
      }
    } catch (IOException | ParseException e) {
      return last.keys();
    }
  }

  private Loaded read() throws IOException, ParseException {
    FileTime modified = Files.getLastModifiedTime(file);
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return new Loaded(modified, text.getBytes(StandardCharsets.UTF_8).length, JWKSet.parse(text));
  }
}
