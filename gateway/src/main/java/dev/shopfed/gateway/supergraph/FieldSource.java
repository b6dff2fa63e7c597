package dev.shopfed.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * What one subgraph says about one field ({@code @join__field}).
 *
 * @param graph          subgraph id
 * @param external       the subgraph declares the field but another one resolves it
 * @param requires       selection on the parent type the subgraph needs in the representation, or null
 * @param provides       selection on the field's type the subgraph also resolves below this field, or null
 * @param overrideLabel  progressive override label; with {@code overriding} the source serves only while the label is
 *                       on, without it only while the label is off
 * @param overriding     this source took the field over from another subgraph
 * @param usedOverridden the field was taken over from this subgraph, which keeps it only for keys and requirements
 * @param typeInGraph    the field's named type in this subgraph when it differs from the supergraph's
 *                       ({@code @join__field(type:)}, e.g. a member of the supergraph's union), else null
 * @param wireType       the field's whole type as this subgraph declares it ({@code ID!}, {@code [Account!]!}): the
 *                       subgraph validates its operation against this nullability, not the supergraph's
 */
public record FieldSource(
    String graph,
    boolean external,
    SelectionSet requires,
    SelectionSet provides,
    String overrideLabel,
    boolean overriding,
    boolean usedOverridden,
    String typeInGraph,
    String wireType) {

  /** Whether this subgraph serves the field for a request with the given labels switched on. */
  public boolean serves(java.util.Set<String> activeLabels) {
    if (external || usedOverridden) {
      return false;
    }
    if (overrideLabel == null) {
      return true;
    }
    return overriding == activeLabels.contains(overrideLabel);
  }
}
