package dev.shopfed.gateway.authorization;

import dev.shopfed.gateway.identity.Identity;
import java.util.Collection;
import java.util.Map;

/**
 * An example {@link PolicyEvaluator}: each policy names a claim and the value it must have
 * ({@code gateway.authorization.claim-policies.admin=role=admin}); a claim that is a list must contain the value.
 * Unknown policies are denied.
 */
public final class ClaimPolicyEvaluator implements PolicyEvaluator {

  /** What a policy requires: {@code claim} equal to, or (a list) containing, {@code value}. */
  public record ClaimValue(String claim, String value) {

    /** Parses {@code claim=value}. */
    public static ClaimValue parse(String policy, String text) {
      int eq = text == null ? -1 : text.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("gateway.authorization.claim-policies." + policy
            + " must be claim=value, not " + text);
      }
      return new ClaimValue(text.substring(0, eq).trim(), text.substring(eq + 1).trim());
    }
  }

  private final Map<String, ClaimValue> policies;

  public ClaimPolicyEvaluator(Map<String, ClaimValue> policies) {
    this.policies = Map.copyOf(policies);
  }

  @Override
  public boolean allows(String policy, Identity identity) {
    ClaimValue required = policies.get(policy);
    if (required == null) {
      return false;
    }
    Object claim = identity.claims().get(required.claim());
    if (claim instanceof Collection<?> values) {
      return values.stream().anyMatch(v -> required.value().equals(String.valueOf(v)));
    }
    return claim != null && required.value().equals(String.valueOf(claim));
  }
}
