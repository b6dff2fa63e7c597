package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.supergraph.EntityKey;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.ProvidedFields;
import dev.shopfed.gateway.supergraph.Supergraph;
import dev.shopfed.gateway.supergraph.TypeInfo;
import graphql.language.Field;
import graphql.language.Selection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which subgraph can resolve which field for one request: {@code @join__field} sources, {@code @external} fields made
 * available by {@code @provides}, key fields, and {@code @override} with the labels switched on.
 */
final class FieldResolution {

  private final Supergraph supergraph;
  private final Set<String> activeLabels;

  FieldResolution(Supergraph supergraph, Set<String> activeLabels) {
    this.supergraph = supergraph;
    this.activeLabels = activeLabels;
  }

  Supergraph supergraph() {
    return supergraph;
  }

  /** Whether {@code graph} resolves {@code objectType.field} where it stands (ignoring {@code @requires}). */
  boolean serves(String graph, String objectType, FieldInfo field, ProvidedFields provided) {
    FieldSource source = field.source(graph);
    if (source != null && source.serves(activeLabels)) {
      return true;
    }
    if (source != null && source.external() && provided.has(objectType, field.name())) {
      return true;
    }
    return isKeyField(graph, objectType, field.name());
  }

  /** The {@code @requires} field set of the field in that subgraph, or null. */
  FieldSource source(String graph, FieldInfo field) {
    return field.source(graph);
  }

  /** Subgraphs that can be jumped to, through a key, to resolve the field on that type. */
  List<String> entityCandidates(String objectType, FieldInfo field) {
    TypeInfo type = supergraph.type(objectType);
    List<String> candidates = new ArrayList<>();
    for (FieldSource source : field.sources().values()) {
      if (source.serves(activeLabels) && type.isEntityIn(source.graph())) {
        candidates.add(source.graph());
      }
    }
    return candidates;
  }

  /** Root-field candidates: every subgraph that serves it. */
  List<String> rootCandidates(FieldInfo field) {
    List<String> candidates = new ArrayList<>();
    for (FieldSource source : field.sources().values()) {
      if (source.serves(activeLabels)) {
        candidates.add(source.graph());
      }
    }
    return candidates;
  }

  /** The resolvable keys of the type in that subgraph. */
  List<EntityKey> keys(String objectType, String graph) {
    return supergraph.type(objectType).keysIn(graph).stream().filter(EntityKey::resolvable).toList();
  }

  /** Concrete object types a position of this type can hold when the data comes from that subgraph. */
  Set<String> concreteTypes(String graph, String positionType) {
    TypeInfo type = supergraph.type(positionType);
    if (!type.isAbstract()) {
      return Set.of(positionType);
    }
    return new LinkedHashSet<>(type.possibleTypesIn(graph));
  }

  boolean isComposite(String typeName) {
    TypeInfo type = supergraph.type(typeName);
    return type != null && (type.kind() == TypeInfo.Kind.OBJECT || type.isAbstract());
  }

  boolean isAbstract(String typeName) {
    TypeInfo type = supergraph.type(typeName);
    return type != null && type.isAbstract();
  }

  private boolean isKeyField(String graph, String objectType, String fieldName) {
    TypeInfo type = supergraph.type(objectType);
    if (type == null || !type.graphs().contains(graph)) {
      return false;
    }
    for (EntityKey key : type.keysIn(graph)) {
      for (Selection<?> s : key.fields().getSelections()) {
        if (s instanceof Field f && f.getName().equals(fieldName) && f.getSelectionSet() == null) {
          return true;
        }
      }
    }
    return false;
  }
}
