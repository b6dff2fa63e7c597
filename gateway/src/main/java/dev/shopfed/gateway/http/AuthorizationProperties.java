package dev.shopfed.gateway.http;

import dev.shopfed.gateway.authorization.AuthorizationOptions;
import dev.shopfed.gateway.authorization.ClaimPolicyEvaluator;
import dev.shopfed.gateway.authorization.PolicyEvaluator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code gateway.authorization.*} settings.
 *
 * @param rejectUnauthorized refuse a whole request that asks for any unauthorized field (default false: those fields
 *                           are answered null with an error, the rest served)
 * @param claimPolicies      the example policy evaluator's policies, {@code <policy>=<claim>=<value>}; used when no
 *                           other {@link PolicyEvaluator} bean is defined
 */
public record AuthorizationProperties(Boolean rejectUnauthorized, Map<String, String> claimPolicies) {

  AuthorizationOptions engineOptions(PolicyEvaluator policies) {
    return new AuthorizationOptions(Boolean.TRUE.equals(rejectUnauthorized), policies);
  }

  PolicyEvaluator claimPolicyEvaluator() {
    Map<String, ClaimPolicyEvaluator.ClaimValue> policies = new LinkedHashMap<>();
    if (claimPolicies != null) {
      claimPolicies.forEach((policy, text) -> policies.put(policy, ClaimPolicyEvaluator.ClaimValue.parse(policy, text)));
    }
    return new ClaimPolicyEvaluator(policies);
  }
}
