package dev.shopfed.gateway.persisted;

import java.util.Locale;
import java.util.Map;

/**
 * The {@code extensions.persistedQuery} entry of a request, {@code {"version":1,"sha256Hash":"<hex>"}}, checked.
 *
 * @param hash the SHA-256 in lower-case hex
 */
record PersistedQueryExtension(String hash) {

  static final String KEY = "persistedQuery";

  /** Thrown for an entry of the wrong shape; its message is meant for the client. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** The entry of {@code extensions}, or null when there is none. */
  static PersistedQueryExtension from(Map<String, Object> extensions) {
    Object entry = extensions.get(KEY);
    if (entry == null) {
      return null;
    }
    if (!(entry instanceof Map<?, ?> fields)) {
      throw new Invalid("extensions.persistedQuery must be an object with version and sha256Hash");
    }
    if (!(fields.get("version") instanceof Number version)) {
      throw new Invalid("extensions.persistedQuery.version must be 1");
    }
    if (version.doubleValue() != 1) {
      throw new Invalid("Unsupported persisted query version " + version + "; only version 1 is supported");
    }
    if (!(fields.get("sha256Hash") instanceof String hash) || !OperationText.isSha256(hash)) {
      throw new Invalid("extensions.persistedQuery.sha256Hash must be a SHA-256 in hex (64 characters)");
    }
    return new PersistedQueryExtension(hash.toLowerCase(Locale.ROOT));
  }
}
