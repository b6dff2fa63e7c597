package dev.shopfed.gateway.identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who sent a request, as the gateway verified it.
 *
 * @param subject the verified subject, null when the request is anonymous
 * @param scopes  the granted scopes (never null)
 * @param claims  every claim of the verified token (never null)
 */
public record Identity(String subject, Set<String> scopes, Map<String, Object> claims) {

  public static final Identity ANONYMOUS = new Identity(null, Set.of(), Map.of());

  public Identity {
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    claims = claims == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(claims));
  }

  public boolean isAnonymous() {
    return subject == null;
  }
}
