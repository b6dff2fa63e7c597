package dev.shopfed.gateway.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who sent a request, as a verified bearer token says: what authorization decides on.
 *
 * @param subject the token's subject ({@code gateway.authentication.subject-claim}); null when anonymous
 * @param scopes  the token's scopes ({@code gateway.authentication.scopes-claim}); empty when anonymous
 * @param claims  every claim of the token, as JSON values (times in epoch seconds); empty when anonymous
 */
public record Identity(String subject, Set<String> scopes, Map<String, Object> claims) {

  /** A request without a token, or any request while authentication is off. */
  public static final Identity ANONYMOUS = new Identity(null, Set.of(), Map.of());

  public Identity {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  public boolean authenticated() {
    return subject != null;
  }
}
