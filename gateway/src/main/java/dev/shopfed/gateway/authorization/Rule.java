package dev.shopfed.gateway.authorization;

import java.util.List;
import java.util.Set;

/** One authorization directive applied to a type or field; an element with several must satisfy them all. */
sealed interface Rule {

  boolean allows(Grant grant);

  /** {@code @authenticated}. */
  record Authenticated() implements Rule {
    @Override
    public boolean allows(Grant grant) {
      return grant.authenticated();
    }
  }

  /** {@code @requiresScopes(scopes:)}: one of the alternatives held whole. */
  record Scopes(List<Set<String>> alternatives) implements Rule {
    @Override
    public boolean allows(Grant grant) {
      return alternatives.stream().anyMatch(grant.scopes()::containsAll);
    }
  }

  /** {@code @policy(policies:)}: every policy of one of the alternatives allows. */
  record Policies(List<Set<String>> alternatives) implements Rule {
    @Override
    public boolean allows(Grant grant) {
      return alternatives.stream().anyMatch(grant.policies()::containsAll);
    }
  }
}
