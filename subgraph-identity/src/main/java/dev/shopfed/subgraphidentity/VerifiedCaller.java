package dev.shopfed.subgraphidentity;

import java.util.Set;

/**
 * Who the gateway says is asking, from a verified {@code x-gateway-identity} token. The filter hands it to the
 * GraphQL layer as the request headers {@link #SUBJECT_HEADER} and {@link #SCOPE_HEADER}, which it first strips from
 * whatever the caller sent: only a verified token can set them.
 *
 * @param subject the buyer, null when the gateway's client was anonymous
 * @param scopes  the scopes the gateway granted
 */
public record VerifiedCaller(String subject, Set<String> scopes) {

  /** The verified subject (absent when anonymous). */
  public static final String SUBJECT_HEADER = "x-verified-subject";
  /** The verified scopes, space separated (absent when none). */
  public static final String SCOPE_HEADER = "x-verified-scope";

  public VerifiedCaller {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
  }
}
