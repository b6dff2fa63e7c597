package dev.shopfed.gateway.planning;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One future subgraph request while the plan is being built: a root fetch, or an entity fetch that takes the objects
 * at {@code path} of its parent's data, sends their representations and merges the answers back into them.
 */
final class FetchGroup {

  final int id;
  final String graph;
  /**
   * Where the entities are: the field selections leading to them, "@" stepping into lists; empty for a root fetch.
   * Printed as response keys once planning is done (see {@link #responsePath()}).
   */
  final List<Object> path;
  /** The group whose data holds the entities; null for a root fetch. */
  final FetchGroup parent;
  /** For an entity fetch, per entity type: the parent's selection at {@code path}, where key and required fields go. */
  final Map<String, SubgraphSelection> parentSelection;
  /** Type of the position at {@code path} in the parent's subgraph. */
  final String parentPositionType;
  /** What to fetch: for an entity fetch, one fragment per entity type. */
  final SubgraphSelection selection = new SubgraphSelection();
  /** Representation fields per entity type (each begins with __typename). */
  final Map<String, SubgraphSelection> inputs = new LinkedHashMap<>();
  /** Per concrete type, the __typename to put in its representations (an interface for {@code @interfaceObject}). */
  final Map<String, String> representedAs = new LinkedHashMap<>();
  /** Per concrete type, the top-level fields of the key used: an entity with a null among them is not fetched. */
  final Map<String, java.util.List<String>> keyFields = new LinkedHashMap<>();
  final Set<FetchGroup> dependsOn = new LinkedHashSet<>();

  FetchGroup(int id, String graph, List<Object> path, FetchGroup parent, Map<String, SubgraphSelection> parentSelection,
      String parentPositionType) {
    this.id = id;
    this.graph = graph;
    this.path = List.copyOf(path);
    this.parent = parent;
    this.parentSelection = parentSelection;
    this.parentPositionType = parentPositionType;
    if (parent != null) {
      dependsOn.add(parent);
    }
  }

  /** The path as response keys, valid once no more fields are placed. */
  List<String> responsePath() {
    List<String> keys = new java.util.ArrayList<>(path.size());
    for (Object step : path) {
      keys.add(step instanceof SubgraphSelection.FieldSelection f ? f.responseKey : (String) step);
    }
    return keys;
  }

  boolean isEntityFetch() {
    return parent != null;
  }

  SubgraphSelection input(String entityType) {
    return inputs.computeIfAbsent(entityType, t -> {
      SubgraphSelection input = new SubgraphSelection();
      input.typename();
      return input;
    });
  }
}
