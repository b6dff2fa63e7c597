package dev.shopfed.gateway.authorization;

import java.util.Set;

/**
 * What one identity is granted of what the supergraph asks for: whether it is authenticated, which of the
 * supergraph's scopes it holds and which of its policies allow it. Two identities with the same grant see the same
 * fields, so plans are cached by grant, never by token.
 */
public record Grant(boolean authenticated, Set<String> scopes, Set<String> policies) {

  /** Everything allowed: the grant of every request when the supergraph has no authorization directives. */
  public static final Grant UNRESTRICTED = new Grant(true, Set.of(), Set.of());

  public Grant {
    scopes = Set.copyOf(scopes);
    policies = Set.copyOf(policies);
  }
}
