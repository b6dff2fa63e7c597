package dev.shopfed.gateway.supergraph;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named type of the supergraph with its per-subgraph facts.
 *
 * @param name              type name
 * @param kind              what kind of type it is
 * @param graphs            subgraph ids that define the type ({@code @join__type})
 * @param keys              every {@code @key}, in declaration order
 * @param interfaceObjectIn subgraph ids where this interface is an {@code @interfaceObject}
 * @param fields            fields by name (composite types only)
 * @param possibleTypes     per subgraph id, the object types this abstract type can be in that subgraph
 *                          ({@code @join__implements}, {@code @join__unionMember})
 */
public record TypeInfo(
    String name,
    Kind kind,
    Set<String> graphs,
    List<EntityKey> keys,
    Set<String> interfaceObjectIn,
    Map<String, FieldInfo> fields,
    Map<String, Set<String>> possibleTypes) {

  public enum Kind {
    OBJECT,
    INTERFACE,
    UNION,
    ENUM,
    INPUT,
    SCALAR
  }

  public boolean isAbstract() {
    return kind == Kind.INTERFACE || kind == Kind.UNION;
  }

  public FieldInfo field(String fieldName) {
    return fields.get(fieldName);
  }

  public List<EntityKey> keysIn(String graph) {
    return keys.stream().filter(k -> k.graph().equals(graph)).toList();
  }

  public boolean isEntityIn(String graph) {
    return keys.stream().anyMatch(k -> k.graph().equals(graph) && k.resolvable());
  }

  public Set<String> possibleTypesIn(String graph) {
    return possibleTypes.getOrDefault(graph, Set.of());
  }

  /** The object types this abstract type can be, in any subgraph. */
  public Set<String> allPossibleTypes() {
    Set<String> all = new java.util.LinkedHashSet<>();
    possibleTypes.values().forEach(all::addAll);
    return all;
  }

  /** In that subgraph the interface is an {@code @interfaceObject}: an object type standing for all implementations. */
  public boolean isInterfaceObjectIn(String graph) {
    return interfaceObjectIn.contains(graph);
  }
}
