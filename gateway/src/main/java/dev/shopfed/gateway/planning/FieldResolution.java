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
 * available by {@code @provides}, key fields, {@code @override} with the labels switched on, and entity interfaces
 * seen through {@code @interfaceObject}.
 */
final class FieldResolution {

  /** Resolving a field elsewhere: ask {@code graph} for the entity as {@code entityType} (an interface for interface objects). */
  record Jump(String graph, String entityType) {}

  private final Supergraph supergraph;
  private final Set<String> activeLabels;

  FieldResolution(Supergraph supergraph, Set<String> activeLabels) {
    this.supergraph = supergraph;
    this.activeLabels = activeLabels;
  }

  Supergraph supergraph() {
    return supergraph;
  }

  /** Whether {@code graph} resolves {@code type.field} where it stands (ignoring {@code @requires}). */
  boolean serves(String graph, String type, FieldInfo field, ProvidedFields provided) {
    if (field == null) {
      return false;
    }
    FieldSource source = field.source(graph);
    if (source != null && source.serves(activeLabels)) {
      return true;
    }
    if (source != null && source.external()) {
      // an @external key field too: the subgraph names it in its key but cannot resolve it, unless provided here
      return provided.has(type, field.name());
    }
    return isKeyField(graph, type, field.name());
  }

  /** Subgraphs that can be jumped to, through a key, to resolve the field on that type. */
  List<Jump> jumps(String type, String fieldName) {
    TypeInfo typeInfo = supergraph.type(type);
    FieldInfo field = typeInfo.field(fieldName);
    List<Jump> jumps = new ArrayList<>();
    if (field != null) {
      for (FieldSource source : field.sources().values()) {
        if (source.serves(activeLabels) && typeInfo.isEntityIn(source.graph())) {
          jumps.add(new Jump(source.graph(), type));
        }
      }
    }
    if (typeInfo.kind() == TypeInfo.Kind.OBJECT) {
      jumps.addAll(interfaceObjectJumps(type, fieldName));
    }
    if (typeInfo.kind() == TypeInfo.Kind.INTERFACE && (field == null || jumps.isEmpty())) {
      interfaceEntityGraphs(type).forEach(g -> jumps.add(new Jump(g, type)));
    }
    return jumps;
  }

  /**
   * For a field asked only on some implementations of an interface that the current subgraph knows as an
   * {@code @interfaceObject}: the subgraphs where the interface is a real entity interface and those implementations
   * have the field, so that the fetch that tells the concrete type can bring it too.
   */
  List<Jump> implementationJumps(String interfaceType, PlanField field) {
    TypeInfo type = supergraph.type(interfaceType);
    if (type.kind() != TypeInfo.Kind.INTERFACE || field.objectTypes() == null) {
      return List.of();
    }
    List<String> implementations = field.objectTypes().stream().filter(type.allPossibleTypes()::contains).toList();
    if (implementations.isEmpty()) {
      return List.of();
    }
    List<Jump> jumps = new ArrayList<>();
    for (String graph : interfaceEntityGraphs(interfaceType)) {
      boolean servesAll = implementations.stream().allMatch(t -> {
        FieldInfo info = supergraph.field(t, field.name());
        return info != null && info.source(graph) != null && info.source(graph).serves(activeLabels);
      });
      if (servesAll) {
        jumps.add(new Jump(graph, interfaceType));
      }
    }
    return jumps;
  }

  /** Fields an object type gets from an {@code @interfaceObject} of one of its interfaces. */
  private List<Jump> interfaceObjectJumps(String objectType, String fieldName) {
    List<Jump> jumps = new ArrayList<>();
    for (TypeInfo iface : supergraph.interfacesOf(objectType)) {
      FieldInfo field = iface.field(fieldName);
      if (field == null) {
        continue;
      }
      for (String graph : iface.interfaceObjectIn()) {
        FieldSource source = field.source(graph);
        if (source != null && source.serves(activeLabels) && iface.isEntityIn(graph)) {
          jumps.add(new Jump(graph, iface.name()));
        }
      }
    }
    return jumps;
  }

  /** Subgraphs where the interface is an entity with its implementations (not an interface object). */
  List<String> interfaceEntityGraphs(String interfaceType) {
    TypeInfo type = supergraph.type(interfaceType);
    List<String> graphs = new ArrayList<>();
    for (EntityKey key : type.keys()) {
      if (key.resolvable() && !type.isInterfaceObjectIn(key.graph()) && !graphs.contains(key.graph())) {
        graphs.add(key.graph());
      }
    }
    return graphs;
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
  List<EntityKey> keys(String type, String graph) {
    return supergraph.type(type).keysIn(graph).stream().filter(EntityKey::resolvable).toList();
  }

  /** Concrete object types a position of this type can hold when the data comes from that subgraph. */
  Set<String> concreteTypes(String graph, String positionType) {
    TypeInfo type = supergraph.type(positionType);
    if (!type.isAbstract() || type.isInterfaceObjectIn(graph)) {
      return Set.of(positionType);
    }
    return new LinkedHashSet<>(type.possibleTypesIn(graph));
  }

  /** Whether a wanted field applies at a position of that type (an interface object stands for its implementations). */
  boolean applies(PlanField field, String type) {
    if (field.appliesTo(type)) {
      return true;
    }
    TypeInfo info = supergraph.type(type);
    if (info.kind() == TypeInfo.Kind.INTERFACE && info.allPossibleTypes().stream().anyMatch(field.objectTypes()::contains)) {
      return true;
    }
    // a field set's fragment may be on an abstract type: it applies to every type that type stands for
    return field.objectTypes().stream().map(supergraph::type)
        .anyMatch(t -> t != null && t.isAbstract() && t.allPossibleTypes().contains(type));
  }

  boolean isInterfaceObject(String graph, String type) {
    TypeInfo info = supergraph.type(type);
    return info != null && info.isInterfaceObjectIn(graph);
  }

  boolean isComposite(String typeName) {
    TypeInfo type = supergraph.type(typeName);
    return type != null && (type.kind() == TypeInfo.Kind.OBJECT || type.isAbstract());
  }

  /** Abstract as the given subgraph sees it: an interface object is an object type there. */
  boolean isAbstractIn(String graph, String typeName) {
    TypeInfo type = supergraph.type(typeName);
    return type != null && type.isAbstract() && !type.isInterfaceObjectIn(graph);
  }

  private boolean isKeyField(String graph, String type, String fieldName) {
    TypeInfo info = supergraph.type(type);
    if (info == null || !info.graphs().contains(graph)) {
      return false;
    }
    for (EntityKey key : info.keysIn(graph)) {
      for (Selection<?> s : key.fields().getSelections()) {
        if (s instanceof Field f && f.getName().equals(fieldName) && f.getSelectionSet() == null) {
          return true;
        }
      }
    }
    return false;
  }
}
