package dev.shopfed.gateway.subgraphidentity;

import dev.shopfed.gateway.identity.Identity;
import java.util.List;
import java.util.Map;

/**
 * TEMPORARY, development only ({@code gateway.subgraph-identity.dev-trust-user-header=true}): until the local
 * federation issues tokens, a client's {@code x-user-id} header names the buyer of an otherwise anonymous request.
 * Off by default; it trusts whatever the client claims.
 */
public final class DevUserHeader {

  public static final String NAME = "x-user-id";

  private DevUserHeader() {}

  /** The request's identity, or one with the claimed subject when trusting the header and nobody was verified. */
  public static Identity apply(Identity identity, Map<String, List<String>> headers, boolean trusted) {
    if (!trusted || identity.authenticated()) {
      return identity;
    }
    List<String> values = headers.get(NAME);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return identity;
    }
    return new Identity(values.get(0).strip(), identity.scopes(), identity.claims());
  }
}
