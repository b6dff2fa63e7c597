package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.planning.FieldResolution.Jump;
import dev.shopfed.gateway.planning.ParentRefetch.Position;
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

  private static final PlanField TYPENAME = new PlanField("__typename", "__typename", List.of(), null, List.of(), true);

  private final FieldResolution resolution;
  private final FetchCost cost;
  private final List<FetchGroup> groups = new ArrayList<>();
  private final Map<EntityGroupKey, FetchGroup> entityGroups = new LinkedHashMap<>();
  /** Groups whose requirements are being planned: they cannot also produce them, so they take no more fields. */
  private final Set<FetchGroup> awaitingRequirements = new LinkedHashSet<>();
  /** Response paths whose objects already get their concrete type from some fetch. */
  private final Set<List<Object>> typedPaths = new java.util.HashSet<>();
  /** Subgraphs whose key fields are being planned: a key cannot come from the subgraph that needs it. */
  private final java.util.Deque<String> keying = new java.util.ArrayDeque<>();

  /** {@code variant} tells apart fetches of one path whose representations cannot be one (conflicting requirements). */
  private record EntityGroupKey(int parent, String graph, List<Object> path, int variant) {}

  /** Marks a field no key reaches from here: its parent object must be fetched again where the field is. */
  private static final Jump THROUGH_PARENT = new Jump("", "");
  /** Positions whose sub-selection is being planned, innermost first: where a parent can be fetched again from. */
  private final java.util.Deque<Position> positions = new java.util.ArrayDeque<>();
  /** The latest root fetch per subgraph, so that a root field fetched again joins a fetch already planned. */
  private final Map<String, FetchGroup> rootGroups = new LinkedHashMap<>();

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

  FieldResolution resolution() {
    return resolution;
  }

  /** The position whose sub-selection in its fetch is {@code children}, or null when none is being planned. */
  Position positionOf(SubgraphSelection children) {
    return positions.stream().filter(p -> p.children() == children).findFirst().orElse(null);
  }

  boolean isKeying(String graph) {
    return keying.contains(graph);
  }

  FetchGroup newRootGroup(String graph) {
    FetchGroup group = new FetchGroup(groups.size(), graph, List.of(), null, Map.of(), null);
    groups.add(group);
    rootGroups.put(graph, group);
    return group;
  }

  /** The latest root fetch to {@code graph}, or null. */
  FetchGroup rootGroup(String graph) {
    return rootGroups.get(graph);
  }

  /**
   * Plans {@code wanted} below a position of type {@code positionType}, whose selection in {@code group}'s operation
   * is {@code selection} and whose data sits at {@code path}. Returns the other groups that produce any of it.
   */
  Set<FetchGroup> plan(FetchGroup group, SubgraphSelection selection, String positionType, List<PlanField> wanted,
      List<Object> path, ProvidedFields provided) {
    Set<FetchGroup> producers = new LinkedHashSet<>();
    Set<String> concrete = resolution.concreteTypes(group.graph, positionType);
    boolean clientFields = wanted.stream().anyMatch(f -> !f.internal());
    if (clientFields && needsConcreteType(group, selection, positionType) && typedPaths.add(path)) {
      producers.addAll(resolveConcreteType(group, selection, positionType, path, provided));
    }
    for (PlanField field : wanted) {
      if (field.isTypename()) {
        if (resolution.isAbstractIn(group.graph, positionType)) {
          selection.typename();
        }
        continue;
      }
      producers.addAll(planField(group, selection, positionType, concrete, field, path, provided));
    }
    return producers;
  }

  /**
   * Objects of an interface object carry the interface's name, not their own type: unless they came in a fetch that
   * already knew their type, ask a subgraph that has the real interface for it.
   */
  private boolean needsConcreteType(FetchGroup group, SubgraphSelection selection, String positionType) {
    if (!resolution.isInterfaceObject(group.graph, positionType)) {
      return false;
    }
    boolean entityRoot = group.isEntityFetch() && group.selection.fragments().get(positionType) == selection;
    return !entityRoot || group.inputs.containsKey(positionType);
  }

  private Set<FetchGroup> resolveConcreteType(FetchGroup group, SubgraphSelection selection, String positionType,
      List<Object> path, ProvidedFields provided) {
    List<String> graphs = resolution.interfaceEntityGraphs(positionType);
    if (graphs.isEmpty()) {
      throw new PlanningException("no subgraph can tell the concrete type of interface object " + positionType);
    }
    return jump(group, selection, positionType, positionType, TYPENAME, path, provided, new Jump(graphs.get(0), positionType));
  }

  private Set<FetchGroup> planField(FetchGroup group, SubgraphSelection selection, String positionType,
      Set<String> concrete, PlanField field, List<Object> path, ProvidedFields provided) {
    List<String> local = new ArrayList<>();
    Map<String, Jump> remote = new LinkedHashMap<>();
    List<String> throughParent = new ArrayList<>();
    for (String type : concrete) {
      if (!resolution.applies(field, type)) {
        continue;
      }
      Jump target = choose(group, selection, type, field, path, provided);
      if (target == null) {
        local.add(type);
      } else if (target == THROUGH_PARENT) {
        throughParent.add(type);
      } else {
        remote.put(type, target);
      }
    }
    Set<FetchGroup> producers = new LinkedHashSet<>();
    if (!throughParent.isEmpty()) {
      producers.addAll(new ParentRefetch(this).plan(group, selection, field, throughParent));
    }
    producers.addAll(placeLocal(group, selection, positionType, concrete, local, field, path, provided));
    remote.forEach((type, jump) -> producers.addAll(jump(group, selection, positionType, type, field, path, provided, jump)));
    return producers;
  }

  /** Where to resolve the field for objects of {@code type}: null for right here, else the jump to make. */
  private Jump choose(FetchGroup group, SubgraphSelection selection, String type, PlanField field, List<Object> path,
      ProvidedFields provided) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    boolean ownFetch = needsOwnFetch(group, selection, type, info);
    boolean servedHere = resolution.serves(group.graph, type, info, provided) && !ownFetch;
    int hereCost = servedHere ? cost.below(group.graph, info, field, provided) : FetchCost.UNREACHABLE;
    if (servedHere && hereCost == 0) {
      return null;
    }
    Jump best = null;
    int bestCost = hereCost;
    for (Jump jump : candidateJumps(group, type, field)) {
      if (jump.graph().equals(group.graph) && !ownFetch || keying.contains(jump.graph())) {
        continue;
      }
      FieldInfo there = resolution.supergraph().field(jump.entityType(), field.name());
      int c = 1 + (there == null ? 0 : cost.below(jump.graph(), there, field, ProvidedFields.NONE))
          - (entityGroups.containsKey(new EntityGroupKey(group.id, jump.graph(), path, 0)) ? 1 : 0);
      if (c < bestCost || best == null && !servedHere) {
        best = jump;
        bestCost = c;
      }
    }
    return best == null && !servedHere ? THROUGH_PARENT : best;
  }

  private List<Jump> candidateJumps(FetchGroup group, String type, PlanField field) {
    List<Jump> jumps = resolution.jumps(type, field.name());
    if (!resolution.isInterfaceObject(group.graph, type)) {
      return jumps;
    }
    List<Jump> all = new ArrayList<>(jumps);
    resolution.implementationJumps(type, field).stream().filter(j -> !all.contains(j)).forEach(all::add);
    return all;
  }

  /** A field that requires other fields can only be resolved at the root of an entity fetch for its type. */
  private boolean needsOwnFetch(FetchGroup group, SubgraphSelection selection, String type, FieldInfo info) {
    FieldSource source = info == null ? null : info.source(group.graph);
    return source != null && source.requires() != null && !isEntityRoot(group, selection, type);
  }

  private static boolean isEntityRoot(FetchGroup group, SubgraphSelection selection, String type) {
    return group.isEntityFetch() && group.selection.fragments().get(type) == selection;
  }

  private Set<FetchGroup> placeLocal(FetchGroup group, SubgraphSelection selection, String positionType,
      Set<String> concrete, List<String> local, PlanField field, List<Object> path, ProvidedFields provided) {
    if (local.isEmpty()) {
      return Set.of();
    }
    boolean direct = positionType.equals(local.get(0)) && local.size() == 1
        || local.size() == concrete.size() && sameTypeEverywhere(positionType, local, field);
    if (direct) {
      return place(group, selection, positionType, local.get(0), field, path, provided);
    }
    Set<FetchGroup> producers = new LinkedHashSet<>();
    for (String type : local) {
      producers.addAll(place(group, selection.fragment(type), type, type, field, path, provided));
    }
    return producers;
  }

  /**
   * Whether the field can be selected on the abstract position itself for all its types: the position declares it,
   * with the type each implementation gives it (an implementation may narrow it, and then its sub-selection is only
   * valid inside a fragment on that implementation).
   */
  private boolean sameTypeEverywhere(String positionType, List<String> types, PlanField field) {
    FieldInfo declared = resolution.supergraph().field(positionType, field.name());
    return declared != null && types.stream()
        .allMatch(t -> declared.typeName().equals(resolution.supergraph().field(t, field.name()).typeName()));
  }

  /** Adds the field to {@code selection} (whose own type is {@code ownerType}) and plans its sub-selection. */
  private Set<FetchGroup> place(FetchGroup group, SubgraphSelection selection, String ownerType, String objectType,
      PlanField field, List<Object> path, ProvidedFields provided) {
    FieldInfo info = fieldInfo(objectType, field);
    boolean composite = resolution.isComposite(info.typeName());
    SubgraphSelection.FieldSelection placed =
        selection.field(field.responseKey(), field.name(), field.arguments(), composite, field.internal());
    Set<FetchGroup> producers = new LinkedHashSet<>(requirements(group, selection, objectType, info));
    if (!composite) {
      return producers;
    }
    FieldSource source = info.source(group.graph);
    String childType = source != null && source.typeInGraph() != null ? source.typeInGraph() : info.typeName();
    if (resolution.isAbstractIn(group.graph, info.typeName()) || resolution.isAbstractIn(group.graph, childType)) {
      placed.children.typename(); // the response is shaped by concrete type, even where the subgraph's type is one
    }
    ProvidedFields below = source != null && source.provides() != null
        ? new ProvidedFields(source.provides())
        : provided.child(objectType, field.name());
    // below an aliased requirement the data sits under the alias the fetch uses
    positions.push(new Position(group, selection, ownerType, objectType, field, path, provided, placed.children));
    try {
      producers.addAll(plan(group, placed.children, childType, field.children(),
          childPath(path, placed, info.listDepth()), below));
    } finally {
      positions.pop();
    }
    return producers;
  }

  /** Plans the {@code @requires} of a field resolved at the root of an entity fetch into that fetch's parent. */
  private Set<FetchGroup> requirements(FetchGroup group, SubgraphSelection selection, String type, FieldInfo info) {
    FieldSource source = info.source(group.graph);
    if (source == null || source.requires() == null || !isEntityRoot(group, selection, type)) {
      return Set.of();
    }
    Set<FetchGroup> producers = new LinkedHashSet<>();
    for (Map.Entry<String, String> represented : group.representedAs.entrySet()) {
      if (!represented.getValue().equals(type)) {
        continue;
      }
      String objectType = represented.getKey();
      List<PlanField> required = PlanField.fromFieldSet(source.requires(), Set.of(objectType));
      awaitingRequirements.add(group);
      try {
        producers.addAll(plan(group.parent, group.parentSelection.get(objectType), group.parentPositionType,
            required, group.path, ProvidedFields.NONE));
      } finally {
        awaitingRequirements.remove(group);
      }
      addInputs(group.input(objectType), objectType, required);
    }
    producers.remove(group);
    group.dependsOn.addAll(producers);
    return producers;
  }

  Set<FetchGroup> jump(FetchGroup group, SubgraphSelection selection, String positionType, String type,
      PlanField field, List<Object> path, ProvidedFields provided, Jump jump) {
    FetchGroup target = entityGroup(group, selection, positionType, path, jump.graph(), type,
        requiredThere(jump, type, field));
    Set<FetchGroup> producers = new LinkedHashSet<>();
    producers.add(target);
    if (!target.inputs.containsKey(type)) {
      if (!resolution.isInterfaceObject(group.graph, positionType)) {
        selection.typename(); // the representation names the entity's concrete type
      }
      EntityKey key = chooseKey(group.graph, type, jump, provided);
      List<PlanField> keyFields = PlanField.fromFieldSet(key.fields(), Set.of(type));
      addInputs(target.input(type), type, keyFields);
      target.representedAs.put(type, jump.entityType());
      target.keyFields.put(type, keyFields.stream().map(PlanField::name).toList());
      Set<FetchGroup> keyProducers;
      keying.push(jump.graph());
      awaitingRequirements.add(target);
      try {
        keyProducers = plan(group, selection, positionType, keyFields, path, provided);
      } finally {
        keying.pop();
        awaitingRequirements.remove(target);
      }
      keyProducers.remove(target);
      target.dependsOn.addAll(keyProducers);
      producers.addAll(keyProducers);
    }
    SubgraphSelection entityRoot = target.selection.fragment(jump.entityType());
    if (resolution.isAbstractIn(jump.graph(), jump.entityType())) {
      entityRoot.typename();
    }
    Set<String> narrowed = jump.entityType().equals(type) && !resolution.supergraph().type(type).isAbstract()
        ? Set.of(type)
        : field.objectTypes();
    PlanField scoped = new PlanField(field.responseKey(), field.name(), field.arguments(), narrowed, field.children(),
        field.internal());
    if (!scoped.isTypename()) {
      producers.addAll(plan(target, entityRoot, jump.entityType(), List.of(scoped), path, ProvidedFields.NONE));
    }
    return producers;
  }

  /** What the field requires in the subgraph jumped to, as fields of {@code type}; empty when nothing. */
  private List<PlanField> requiredThere(Jump jump, String type, PlanField field) {
    FieldInfo there = resolution.supergraph().field(jump.entityType(), field.name());
    FieldSource source = there == null ? null : there.source(jump.graph());
    return source == null || source.requires() == null ? List.of()
        : PlanField.fromFieldSet(source.requires(), Set.of(type));
  }

  /**
   * The entity fetch to {@code graph} for the objects at {@code path}: the one already planned, unless its
   * representations of {@code type} carry a field {@code required} needs with other arguments (two requirements on
   * {@code price(currency:)}); then another fetch beside it.
   */
  private FetchGroup entityGroup(FetchGroup parent, SubgraphSelection selection, String positionType,
      List<Object> path, String graph, String type, List<PlanField> required) {
    EntityGroupKey key;
    FetchGroup group;
    int variant = 0;
    do {
      key = new EntityGroupKey(parent.id, graph, path, variant++);
      group = entityGroups.get(key);
    } while (group != null && !awaitingRequirements.contains(group) && group.inputs.containsKey(type)
        && group.inputs.get(type).conflictsWith(required));
    if (group == null || awaitingRequirements.contains(group)) {
      group = new FetchGroup(groups.size(), graph, path, parent, new LinkedHashMap<>(), positionType);
      groups.add(group);
      entityGroups.put(key, group);
    }
    group.parentSelection.putIfAbsent(type, selection);
    return group;
  }

  /** The cheapest key: one whose fields the current subgraph already has, fewest fields first. */
  private EntityKey chooseKey(String fromGraph, String type, Jump jump, ProvidedFields provided) {
    EntityKey best = null;
    int bestCost = Integer.MAX_VALUE;
    for (EntityKey key : resolution.keys(jump.entityType(), jump.graph())) {
      int c = cost.ofFieldSet(fromGraph, type, PlanField.fromFieldSet(key.fields(), Set.of(type)), provided) * 1000
          + key.fields().getSelections().size();
      if (c < bestCost) {
        best = key;
        bestCost = c;
      }
    }
    return Objects.requireNonNull(best, () -> jump.entityType() + " has no resolvable key in " + jump.graph());
  }

  /** Mirrors key and required fields into a representation's selection. */
  private void addInputs(SubgraphSelection input, String type, List<PlanField> fields) {
    for (PlanField f : fields) {
      if (f.isTypename()) {
        continue;
      }
      FieldInfo info = fieldInfo(type, f);
      boolean composite = resolution.isComposite(info.typeName());
      SubgraphSelection.FieldSelection placed = input.field(f.responseKey(), f.name(), f.arguments(), composite, false);
      if (composite) {
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
    input.typename();
    for (PlanField f : fields) {
      if (f.objectTypes() == null) {
        addInputs(input, positionType, List.of(f));
        continue;
      }
      for (String t : f.objectTypes()) {
        addTypedInputs(input, positionType, t, f);
      }
    }
  }

  /**
   * A field of a fragment on {@code condition}: copied as it is where the fragment covers the whole position, else into
   * a fragment per concrete type it applies to (representations are copied by concrete type).
   */
  private void addTypedInputs(SubgraphSelection input, String positionType, String condition, PlanField field) {
    TypeInfo position = resolution.supergraph().type(positionType);
    TypeInfo type = resolution.supergraph().type(condition);
    boolean covers = condition.equals(positionType)
        || !position.isAbstract() && type.isAbstract() && type.allPossibleTypes().contains(positionType);
    if (covers) {
      addInputs(input, positionType, List.of(field));
    } else if (type.isAbstract()) {
      type.allPossibleTypes().stream().filter(position.allPossibleTypes()::contains)
          .forEach(t -> addInputs(input.fragment(t), t, List.of(field)));
    } else {
      addInputs(input.fragment(condition), condition, List.of(field));
    }
  }

  private FieldInfo fieldInfo(String type, PlanField field) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    if (info == null) {
      throw new PlanningException("unknown field " + type + "." + field.name());
    }
    return info;
  }

  /**
   * The path below a placed field. It holds the field selection itself, not its response key: a key or requirement
   * may still be renamed when a client field claims its key later, and the path must follow it.
   */
  static List<Object> childPath(List<Object> path, SubgraphSelection.FieldSelection placed, int listDepth) {
    List<Object> child = new ArrayList<>(path.size() + 1 + listDepth);
    child.addAll(path);
    child.add(placed);
    child.addAll(Collections.nCopies(listDepth, "@"));
    return child;
  }
}
