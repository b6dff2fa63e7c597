package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.supergraph.EntityKey;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.ProvidedFields;
import dev.shopfed.gateway.supergraph.TypeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Walks the fields an operation wants and places each one in a fetch group: in the group at hand when its subgraph
 * resolves the field there, otherwise in an entity fetch to a subgraph that does, reached through a key. Fields with
 * {@code @requires} get their requirements planned first and carried in the representations.
 */
final class SelectionPlanner {

  private final FieldResolution resolution;
  private final FetchCost cost;
  private final List<FetchGroup> groups = new ArrayList<>();
  private final Map<EntityGroupKey, FetchGroup> entityGroups = new LinkedHashMap<>();

  private record EntityGroupKey(int parent, String graph, List<String> path) {}

  SelectionPlanner(FieldResolution resolution) {
    this.resolution = resolution;
    this.cost = new FetchCost(resolution);
  }

  List<FetchGroup> groups() {
    return groups;
  }

  FetchCost cost() {
    return cost;
  }

  FetchGroup newRootGroup(String graph) {
    FetchGroup group = new FetchGroup(groups.size(), graph, List.of(), null, Map.of(), null);
    groups.add(group);
    return group;
  }

  /**
   * Plans {@code wanted} below a position of type {@code positionType}, whose selection in {@code group}'s operation
   * is {@code selection} and whose data sits at {@code path}. Returns the other groups that produce any of it.
   */
  Set<FetchGroup> plan(FetchGroup group, SubgraphSelection selection, String positionType, List<PlanField> wanted,
      List<String> path, ProvidedFields provided) {
    Set<FetchGroup> producers = new LinkedHashSet<>();
    Set<String> concrete = resolution.concreteTypes(group.graph, positionType);
    for (PlanField field : wanted) {
      if (field.isTypename()) {
        if (resolution.isAbstract(positionType)) {
          selection.typename();
        }
        continue;
      }
      producers.addAll(planField(group, selection, positionType, concrete, field, path, provided));
    }
    return producers;
  }

  private Set<FetchGroup> planField(FetchGroup group, SubgraphSelection selection, String positionType,
      Set<String> concrete, PlanField field, List<String> path, ProvidedFields provided) {
    List<String> local = new ArrayList<>();
    Map<String, String> remote = new LinkedHashMap<>();
    for (String type : concrete) {
      if (!field.appliesTo(type)) {
        continue;
      }
      String target = chooseGraph(group, selection, type, field, path, provided);
      if (target.equals(group.graph) && !needsOwnFetch(group, selection, type, field)) {
        local.add(type);
      } else {
        remote.put(type, target);
      }
    }
    Set<FetchGroup> producers = new LinkedHashSet<>();
    producers.addAll(placeLocal(group, selection, positionType, concrete, local, field, path, provided));
    remote.forEach((type, graph) -> producers.addAll(jump(group, selection, positionType, type, field, path, provided, graph)));
    return producers;
  }

  /** A field that requires other fields can only be resolved at the root of an entity fetch for its type. */
  private boolean needsOwnFetch(FetchGroup group, SubgraphSelection selection, String type, PlanField field) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    FieldSource source = info.source(group.graph);
    return source != null && source.requires() != null && !isEntityRoot(group, selection, type);
  }

  private static boolean isEntityRoot(FetchGroup group, SubgraphSelection selection, String type) {
    return group.isEntityFetch() && group.selection.fragments().get(type) == selection;
  }

  private String chooseGraph(FetchGroup group, SubgraphSelection selection, String type, PlanField field,
      List<String> path, ProvidedFields provided) {
    FieldInfo info = fieldInfo(type, field);
    boolean servedHere = resolution.serves(group.graph, type, info, provided);
    List<String> candidates = resolution.entityCandidates(type, info);
    if (servedHere && (candidates.isEmpty() || cost.below(group.graph, info, field, provided) == 0)) {
      return group.graph;
    }
    String best = servedHere ? group.graph : null;
    int bestCost = servedHere ? cost.below(group.graph, info, field, provided) : FetchCost.UNREACHABLE;
    for (String candidate : candidates) {
      if (candidate.equals(group.graph) && !needsOwnFetch(group, selection, type, field)) {
        continue;
      }
      int c = 1 + cost.below(candidate, info, field, ProvidedFields.NONE)
          - (entityGroups.containsKey(new EntityGroupKey(group.id, candidate, path)) ? 1 : 0);
      if (best == null || c < bestCost) {
        best = candidate;
        bestCost = c;
      }
    }
    if (best == null) {
      throw new PlanningException("cannot resolve " + type + "." + field.name() + ": no subgraph serves it from "
          + resolution.supergraph().subgraph(group.graph).name() + " through a key");
    }
    return best;
  }

  private Set<FetchGroup> placeLocal(FetchGroup group, SubgraphSelection selection, String positionType,
      Set<String> concrete, List<String> local, PlanField field, List<String> path, ProvidedFields provided) {
    if (local.isEmpty()) {
      return Set.of();
    }
    boolean direct = positionType.equals(local.get(0)) && local.size() == 1
        || local.size() == concrete.size() && fieldOnType(positionType, field.name()) != null;
    if (direct) {
      return place(group, selection, positionType, local.get(0), field, path, provided);
    }
    Set<FetchGroup> producers = new LinkedHashSet<>();
    for (String type : local) {
      producers.addAll(place(group, selection.fragment(type), type, type, field, path, provided));
    }
    return producers;
  }

  /** Adds the field to {@code selection} (whose own type is {@code ownerType}) and plans its sub-selection. */
  private Set<FetchGroup> place(FetchGroup group, SubgraphSelection selection, String ownerType, String objectType,
      PlanField field, List<String> path, ProvidedFields provided) {
    FieldInfo info = fieldInfo(objectType, field);
    boolean composite = resolution.isComposite(info.typeName());
    SubgraphSelection.FieldSelection placed = selection.field(field.responseKey(), field.name(), field.arguments(), composite);
    if (placed == null) {
      throw new PlanningException("response key \"" + field.responseKey() + "\" of " + ownerType
          + " is used for two different fields; rename the alias");
    }
    Set<FetchGroup> producers = new LinkedHashSet<>(requirements(group, selection, objectType, info));
    if (!composite) {
      return producers;
    }
    if (resolution.isAbstract(info.typeName())) {
      placed.children.typename();
    }
    FieldSource source = info.source(group.graph);
    ProvidedFields below = source != null && source.provides() != null
        ? new ProvidedFields(source.provides())
        : provided.child(objectType, field.name());
    producers.addAll(plan(group, placed.children, info.typeName(), field.children(),
        childPath(path, field.responseKey(), info.listDepth()), below));
    return producers;
  }

  /** Plans the {@code @requires} of a field resolved at the root of an entity fetch into that fetch's parent. */
  private Set<FetchGroup> requirements(FetchGroup group, SubgraphSelection selection, String type, FieldInfo info) {
    FieldSource source = info.source(group.graph);
    if (source == null || source.requires() == null || !isEntityRoot(group, selection, type)) {
      return Set.of();
    }
    List<PlanField> required = PlanField.fromFieldSet(source.requires(), Set.of(type));
    Set<FetchGroup> producers = plan(group.parent, group.parentSelection.get(type), group.parentPositionType,
        required, group.path, ProvidedFields.NONE);
    addInputs(group.input(type), type, required);
    producers.remove(group);
    group.dependsOn.addAll(producers);
    return producers;
  }

  private Set<FetchGroup> jump(FetchGroup group, SubgraphSelection selection, String positionType, String type,
      PlanField field, List<String> path, ProvidedFields provided, String graph) {
    FetchGroup target = entityGroup(group, selection, positionType, path, graph, type);
    selection.typename(); // the representation names the entity's concrete type
    Set<FetchGroup> producers = new LinkedHashSet<>();
    producers.add(target);
    if (!target.inputs.containsKey(type)) {
      EntityKey key = chooseKey(group.graph, type, graph, provided);
      List<PlanField> keyFields = PlanField.fromFieldSet(key.fields(), Set.of(type));
      Set<FetchGroup> keyProducers = plan(group, selection, positionType, keyFields, path, provided);
      keyProducers.remove(target);
      target.dependsOn.addAll(keyProducers);
      producers.addAll(keyProducers);
      addInputs(target.input(type), type, keyFields);
      target.representedAs.put(type, type);
    }
    PlanField narrowed = new PlanField(field.responseKey(), field.name(), field.arguments(), Set.of(type), field.children());
    producers.addAll(plan(target, target.selection.fragment(type), type, List.of(narrowed), path, ProvidedFields.NONE));
    return producers;
  }

  private FetchGroup entityGroup(FetchGroup parent, SubgraphSelection selection, String positionType,
      List<String> path, String graph, String type) {
    EntityGroupKey key = new EntityGroupKey(parent.id, graph, path);
    FetchGroup group = entityGroups.get(key);
    if (group == null) {
      group = new FetchGroup(groups.size(), graph, path, parent, new LinkedHashMap<>(), positionType);
      groups.add(group);
      entityGroups.put(key, group);
    }
    group.parentSelection.putIfAbsent(type, selection);
    return group;
  }

  /** The cheapest key: one whose fields the current subgraph already has, fewest fields first. */
  private EntityKey chooseKey(String fromGraph, String type, String toGraph, ProvidedFields provided) {
    List<EntityKey> keys = resolution.keys(type, toGraph);
    EntityKey best = null;
    int bestCost = Integer.MAX_VALUE;
    for (EntityKey key : keys) {
      int c = cost.ofFieldSet(fromGraph, type, PlanField.fromFieldSet(key.fields(), Set.of(type)), provided) * 1000
          + key.fields().getSelections().size();
      if (c < bestCost) {
        best = key;
        bestCost = c;
      }
    }
    return Objects.requireNonNull(best, () -> type + " has no resolvable key in " + toGraph);
  }

  /** Mirrors key and required fields into a representation's selection. */
  private void addInputs(SubgraphSelection input, String type, List<PlanField> fields) {
    for (PlanField f : fields) {
      FieldInfo info = fieldInfo(type, f);
      boolean composite = resolution.isComposite(info.typeName());
      SubgraphSelection.FieldSelection placed = input.field(f.responseKey(), f.name(), f.arguments(), composite);
      if (composite && placed != null) {
        if (resolution.isAbstract(info.typeName())) {
          placed.children.typename();
        }
        addNestedInputs(placed.children, info.typeName(), f.children());
      }
    }
  }

  private void addNestedInputs(SubgraphSelection input, String positionType, List<PlanField> fields) {
    TypeInfo type = resolution.supergraph().type(positionType);
    if (!type.isAbstract()) {
      addInputs(input, positionType, fields);
      return;
    }
    for (PlanField f : fields) {
      if (f.objectTypes() == null) {
        addInputs(input, positionType, List.of(f));
        continue;
      }
      f.objectTypes().forEach(t -> addInputs(input.fragment(t), t, List.of(f)));
    }
  }

  private FieldInfo fieldInfo(String type, PlanField field) {
    FieldInfo info = fieldOnType(type, field.name());
    if (info == null) {
      throw new PlanningException("unknown field " + type + "." + field.name());
    }
    return info;
  }

  private FieldInfo fieldOnType(String type, String name) {
    return resolution.supergraph().field(type, name);
  }

  static List<String> childPath(List<String> path, String responseKey, int listDepth) {
    List<String> child = new ArrayList<>(path.size() + 1 + listDepth);
    child.addAll(path);
    child.add(responseKey);
    child.addAll(Collections.nCopies(listDepth, "@"));
    return child;
  }
}
