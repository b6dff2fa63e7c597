package dev.shopfed.e2e.parity;

import java.util.List;
import java.util.Map;

/**
 * What Apollo Gateway lacks: {@code @authenticated} and {@code @requiresScopes} are enforced by Apollo Router, not by
 * Apollo Gateway, which sends every field on and lets the subgraph answer. For an anonymous caller our gateway
 * answers a buyer's field null with an {@code UNAUTHORIZED_FIELD_OR_TYPE} error where Apollo Gateway gets null from
 * the subgraph (commerce shows an anonymous caller no buyer data) and no error. The data must still agree exactly;
 * only those errors of ours are left out of the comparison.
 */
public final class ApolloGatewayAuthorization {

  static final String CODE = "UNAUTHORIZED_FIELD_OR_TYPE";

  private ApolloGatewayAuthorization() {}

  /** Our answer without its UNAUTHORIZED_FIELD_OR_TYPE errors (and without {@code errors} if none is left). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> withoutAuthorizationErrors(Map<String, Object> ours) {
    if (!(ours.get("errors") instanceof List<?> errors)) {
      return ours;
    }
    Map<String, Object> copy = ParityJson.parseObject(ParityJson.write(ours));
    List<Object> kept = ((List<Object>) copy.get("errors")).stream()
        .filter(error -> !(error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions
            && CODE.equals(extensions.get("code"))))
        .toList();
    if (kept.isEmpty()) {
      copy.remove("errors");
    } else {
      copy.put("errors", kept);
    }
    return errors.size() == kept.size() ? ours : copy;
  }
}
