package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.supergraph.EntityKey;
import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.ProvidedFields;
import graphql.language.Field;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates how many extra subgraph jumps a selection costs when resolved from a given subgraph, so the planner can
 * pick among subgraphs that share a field. Memoized per field of the operation, so planning stays linear in the
 * operation's size times the number of subgraphs.
 */
final class FetchCost {

  static final int UNREACHABLE = 1_000_000;
  /** A field no key reaches: its parent is fetched again where the field is, about a jump and its key's worth. */
  static final int PARENT_REFETCH = 2;

  private final FieldResolution resolution;
  private final Map<PlanField, Map<String, Integer>> memo = new IdentityHashMap<>();

  FetchCost(FieldResolution resolution) {
    this.resolution = resolution;
  }

  /** Jumps needed for the sub-selection of {@code field}, resolved in {@code graph}. */
  int below(String graph, FieldInfo info, PlanField field, ProvidedFields provided) {
    if (field.children().isEmpty() || !resolution.isComposite(info.typeName())) {
      return 0;
    }
    FieldSource source = info.source(graph);
    ProvidedFields childProvided = source != null && source.provides() != null
        ? new ProvidedFields(source.provides())
        : provided.child(info.parentType(), info.name());
    int total = 0;
    String positionType = source != null && source.typeInGraph() != null ? source.typeInGraph() : info.typeName();
    java.util.Set<String> types = resolution.concreteTypes(graph, positionType);
    for (String type : types) {
      total = add(total, ofFieldSet(graph, type, field.children(), childProvided));
    }
    // A type condition no object from this subgraph can meet returns nothing here: prefer a subgraph where it can.
    for (PlanField child : field.children()) {
      if (!child.isTypename() && types.stream().noneMatch(t -> resolution.applies(child, t))) {
        total = add(total, 1);
      }
    }
    return total;
  }

  /** Jumps needed to resolve {@code fields} on an object of {@code type} that came from {@code graph}. */
  int ofFieldSet(String graph, String type, List<PlanField> fields, ProvidedFields provided) {
    int total = 0;
    for (PlanField f : fields) {
      if (!f.isTypename() && resolution.applies(f, type)) {
        total = add(total, ofField(graph, type, f, provided));
      }
    }
    return total;
  }

  private int ofField(String graph, String type, PlanField field, ProvidedFields provided) {
    String memoKey = graph + '|' + type + '|' + System.identityHashCode(provided.selection());
    Map<String, Integer> byKey = memo.computeIfAbsent(field, f -> new HashMap<>());
    Integer known = byKey.get(memoKey);
    if (known != null) {
      return known;
    }
    byKey.put(memoKey, UNREACHABLE); // guards against cycles through keys
    int computed = compute(graph, type, field, provided);
    byKey.put(memoKey, computed);
    return computed;
  }

  private int compute(String graph, String type, PlanField field, ProvidedFields provided) {
    FieldInfo info = resolution.supergraph().field(type, field.name());
    FieldSource source = info == null ? null : info.source(graph);
    boolean requires = source != null && source.requires() != null;
    if (resolution.serves(graph, type, info, provided) && !requires) {
      return below(graph, info, field, provided);
    }
    List<FieldResolution.Jump> jumps = resolution.jumps(type, field.name());
    if (jumps.isEmpty()) {
      return info == null ? UNREACHABLE : PARENT_REFETCH;
    }
    int best = UNREACHABLE;
    for (FieldResolution.Jump jump : jumps) {
      FieldInfo there = resolution.supergraph().field(jump.entityType(), field.name());
      int keyCost = hasKeyFor(graph, type, jump, provided) ? 0 : PARENT_REFETCH;
      best = Math.min(best, add(1 + keyCost, there == null ? 0 : below(jump.graph(), there, field, ProvidedFields.NONE)));
    }
    return best;
  }

  /** Whether {@code graph} has the fields of a key the jump can use; without one the parent is fetched again. */
  private boolean hasKeyFor(String graph, String type, FieldResolution.Jump jump, ProvidedFields provided) {
    for (EntityKey key : resolution.keys(jump.entityType(), jump.graph())) {
      boolean served = key.fields().getSelections().stream().allMatch(s -> !(s instanceof Field f)
          || resolution.serves(graph, type, resolution.supergraph().field(type, f.getName()), provided));
      if (served) {
        return true;
      }
    }
    return false;
  }

  private static int add(int a, int b) {
    return Math.min(UNREACHABLE, a + b);
  }
}
