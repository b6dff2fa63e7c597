package dev.shopfed.gateway.authorization;

import dev.shopfed.gateway.identity.Identity;

/**
 * Decides the policies of {@code @policy(policies: [[...]])}: the operator implements it (in the HTTP layer, a bean
 * of this type). Called once per request and policy the supergraph names; a policy it does not know must be denied.
 */
@FunctionalInterface
public interface PolicyEvaluator {

  /** Denies every policy: fields under {@code @policy} are served to nobody until an evaluator is configured. */
  PolicyEvaluator DENY_ALL = (policy, identity) -> false;

  boolean allows(String policy, Identity identity);
}
