package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.planning.FieldResolution.Jump;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.ProvidedFields;
import java.util.List;
import java.util.Set;

/**
 * Fields of an object without a key that the subgraph at hand does not have: no key leads to them, so the nearest
 * parent that can be fetched elsewhere is fetched again from a subgraph that has the field, selecting the path down
 * to it there. That parent is an entity (fetched again through one of its keys) or the query root (a second root
 * fetch of a shareable root field).
 */
final class ParentRefetch {

  /**
   * A field being planned: placed in {@code selection} of {@code group} (a selection of {@code ownerType}, the field
   * resolved on {@code objectType}), its sub-selection planned into {@code children}.
   */
  record Position(FetchGroup group, SubgraphSelection selection, String ownerType, String objectType,
      PlanField field, List<Object> path, ProvidedFields provided, SubgraphSelection children) {}

  private final SelectionPlanner planner;
  private final FieldResolution resolution;

  ParentRefetch(SelectionPlanner planner) {
    this.planner = planner;
    this.resolution = planner.resolution();
  }

  /** Plans {@code field}, wanted on objects of {@code types} at the position whose selection is {@code selection}. */
  Set<FetchGroup> plan(FetchGroup group, SubgraphSelection selection, PlanField field, List<String> types) {
    PlanField narrowed = new PlanField(field.responseKey(), field.name(), field.arguments(), Set.copyOf(types),
        field.children(), field.internal());
    Position position = planner.positionOf(selection);
    if (position == null) {
      throw unreachable(group, types.get(0), field);
    }
    for (String type : types) {
      // an @external field nobody provides here: the subgraph names it (in a key) but cannot resolve it, and the
      // values it answers for it are not to be trusted; fetching the parent again would put them in representations
      if (isExternalHere(group, type, field)) {
        throw unreachable(group, type, field);
      }
    }
    return refetch(position, narrowed, group, types.get(0));
  }

  private Set<FetchGroup> refetch(Position position, PlanField child, FetchGroup origin, String originType) {
    PlanField parent = new PlanField(position.field().responseKey(), position.field().name(),
        position.field().arguments(), Set.of(position.objectType()), List.of(child), position.field().internal());
    if (isQueryRoot(position)) {
      return refetchRoot(position, parent, child, origin, originType);
    }
    Position from = fetchedFrom(position);
    Jump best = null;
    int bestCost = Integer.MAX_VALUE;
    for (Jump jump : resolution.jumps(position.objectType(), parent.name())) {
      if (jump.graph().equals(position.group().graph) || planner.isKeying(jump.graph())
          || !servesChild(jump.graph(), child)) {
        continue;
      }
      int c = planner.cost().below(jump.graph(), fieldInfo(jump.entityType(), parent), parent, ProvidedFields.NONE);
      if (c < bestCost) {
        best = jump;
        bestCost = c;
      }
    }
    if (best != null) {
      return planner.jump(from.group(), from.selection(), from.ownerType(), from.objectType(), parent, from.path(),
          from.provided(), best);
    }
    // the parent has no key either: go one level further up
    Position above = planner.positionOf(position.selection());
    if (above == null) {
      throw unreachable(origin, originType, child);
    }
    return refetch(above, parent, origin, originType);
  }

  /**
   * Where to fetch the entity again from: an entity at the root of an entity fetch is fetched from that fetch's parent
   * (which has its key), so the new fetch runs beside the first instead of after it.
   */
  private static Position fetchedFrom(Position position) {
    FetchGroup group = position.group();
    String type = position.objectType();
    SubgraphSelection inParent = group.parentSelection.get(type);
    boolean entityRoot = group.isEntityFetch()
        && group.selection.fragments().get(group.representedAs.getOrDefault(type, type)) == position.selection();
    if (!entityRoot || inParent == null || !group.representedAs.getOrDefault(type, type).equals(type)) {
      return position;
    }
    return new Position(group.parent, inParent, group.parentPositionType, type, position.field(), group.path,
        ProvidedFields.NONE, position.children());
  }

  /** The query root is everywhere: a shareable root field is fetched once more from a subgraph with the field. */
  private Set<FetchGroup> refetchRoot(Position position, PlanField parent, PlanField child, FetchGroup origin,
      String originType) {
    FieldInfo rootField = fieldInfo(position.objectType(), parent);
    String best = null;
    int bestCost = Integer.MAX_VALUE;
    for (String graph : resolution.rootCandidates(rootField)) {
      if (graph.equals(position.group().graph) || !servesChild(graph, child)) {
        continue;
      }
      int c = planner.cost().below(graph, rootField, parent, ProvidedFields.NONE) * 2
          + (planner.rootGroup(graph) != null ? 0 : 1);
      if (c < bestCost) {
        best = graph;
        bestCost = c;
      }
    }
    if (best == null) {
      throw unreachable(origin, originType, child);
    }
    FetchGroup root = planner.rootGroup(best);
    if (root == null) {
      root = planner.newRootGroup(best);
    }
    return planner.plan(root, root.selection, position.objectType(), List.of(parent), List.of(), ProvidedFields.NONE);
  }

  /** Only the query root: fetching a mutation's root field again would run the mutation twice. */
  private boolean isQueryRoot(Position position) {
    var query = resolution.supergraph().apiSchema().getQueryType();
    return !position.group().isEntityFetch() && position.path().isEmpty()
        && position.objectType().equals(query.getName());
  }

  private boolean servesChild(String graph, PlanField child) {
    return child.objectTypes().stream().allMatch(t -> {
      FieldInfo info = resolution.supergraph().field(t, child.name());
      return info != null && resolution.serves(graph, t, info, ProvidedFields.NONE);
    });
  }

  private boolean isExternalHere(FetchGroup group, String type, PlanField field) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    FieldSource source = info == null ? null : info.source(group.graph);
    return source != null && source.external();
  }

  private FieldInfo fieldInfo(String type, PlanField field) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    if (info == null) {
      throw new PlanningException("unknown field " + type + "." + field.name());
    }
    return info;
  }

  private PlanningException unreachable(FetchGroup group, String type, PlanField field) {
    return new PlanningException("cannot resolve " + type + "." + field.name() + " from subgraph "
        + resolution.supergraph().subgraph(group.graph).name() + ": no subgraph serves it through a key");
  }
}
