package dev.shopfed.gateway.consent;

import java.util.Objects;

/**
 * Where consents and crossings are kept, and which subgraph of the supergraph the gateway answers itself with the
 * consent API ({@code grantConsent}, {@code revokeConsent}, {@code myConsents}, {@code myDataCrossings}).
 *
 * @param registry    the consent registry; null when consent is off
 * @param log         the crossing log; null when consent is off
 * @param subgraph    the name of the subgraph the gateway answers itself ({@code consent} by default)
 */
public record ConsentOptions(ConsentRegistry registry, CrossingLog log, String subgraph) {

  public static final String DEFAULT_SUBGRAPH = "consent";

  public ConsentOptions {
    subgraph = subgraph == null || subgraph.isBlank() ? DEFAULT_SUBGRAPH : subgraph;
    if ((registry == null) != (log == null)) {
      throw new IllegalArgumentException("consent needs both a registry and a crossing log, or neither");
    }
  }

  /**
   * Off: nothing classified ever crosses (every flow needs a purpose nobody can grant), and the consent subgraph,
   * if the supergraph has one, is answered as any other.
   */
  public static ConsentOptions disabled() {
    return new ConsentOptions(null, null, null);
  }

  public boolean enabled() {
    return registry != null;
  }

  public ConsentRegistry requireRegistry() {
    return Objects.requireNonNull(registry, "consent is off");
  }
}
