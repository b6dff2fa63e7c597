package dev.shopfed.gateway.planning;

import graphql.language.Argument;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A selection set of one subgraph operation, built up while planning: fields on the position's type, then inline
 * fragments per concrete type. Mutable only inside the planner; printed once the plan is complete.
 */
final class SubgraphSelection {

  private final Map<String, FieldSelection> fields = new LinkedHashMap<>();
  private final Map<String, SubgraphSelection> fragments = new LinkedHashMap<>();
  private int aliases;

  /** A selected field. {@code children} is null for leaves. */
  static final class FieldSelection {
    String responseKey;
    final String name;
    final List<Argument> arguments;
    final SubgraphSelection children;
    final boolean internal;
    /** In a representation's selection: the response key the value is read from in the fetched data. */
    String dataKey;
    /**
     * The alias the operation sends instead of {@code responseKey}, or null: the answer is renamed back before it is
     * merged, so the data always sits under {@code responseKey} (see {@link ResponseShapeAliases}).
     */
    String sentAs;

    FieldSelection(String responseKey, String name, List<Argument> arguments, boolean composite, boolean internal) {
      this.responseKey = responseKey;
      this.name = name;
      this.arguments = arguments;
      this.children = composite ? new SubgraphSelection() : null;
      this.internal = internal;
      this.dataKey = responseKey;
    }

    /** The response key as written in the subgraph operation. */
    String sentKey() {
      return sentAs != null ? sentAs : responseKey;
    }

    boolean sameField(String otherName, List<Argument> otherArguments) {
      return name.equals(otherName) && ArgumentsText.print(arguments).equals(ArgumentsText.print(otherArguments));
    }
  }

  /**
   * The field to use for {@code name(arguments)} under {@code responseKey}, added if missing. A field the plan wants
   * for itself reuses the same field selected under another key, or takes a fresh alias when its key is taken by a
   * different field; a client field takes its key back from such an internal field.
   */
  FieldSelection field(String responseKey, String name, List<Argument> arguments, boolean composite, boolean internal) {
    FieldSelection existing = fields.get(responseKey);
    if (existing != null && existing.sameField(name, arguments)) {
      return existing;
    }
    if (internal) {
      FieldSelection same = find(name, arguments);
      if (same != null) {
        return same;
      }
      return add(existing == null ? responseKey : freshAlias(name), name, arguments, composite, true);
    }
    if (existing != null) {
      fields.remove(responseKey);
      existing.responseKey = freshAlias(existing.name);
      fields.put(existing.responseKey, existing);
    }
    return add(responseKey, name, arguments, composite, false);
  }

  /** The field selected as {@code name(arguments)}, whatever its response key; null when there is none. */
  FieldSelection find(String name, List<Argument> arguments) {
    for (FieldSelection f : fields.values()) {
      if (f.sameField(name, arguments)) {
        return f;
      }
    }
    return null;
  }

  /**
   * Whether {@code wanted} names a field under a key this selection already holds for another field (other arguments):
   * a representation sends each field under its name, so it cannot carry both.
   */
  boolean conflictsWith(List<PlanField> wanted) {
    for (PlanField f : wanted) {
      FieldSelection existing = fields.get(f.responseKey());
      if (existing == null) {
        continue;
      }
      if (!existing.sameField(f.name(), f.arguments())
          || existing.children != null && existing.children.conflictsWith(f.children())) {
        return true;
      }
    }
    return false;
  }

  private FieldSelection add(String responseKey, String name, List<Argument> arguments, boolean composite, boolean internal) {
    FieldSelection added = new FieldSelection(responseKey, name, arguments, composite, internal);
    fields.put(responseKey, added);
    return added;
  }

  private String freshAlias(String name) {
    String alias;
    do {
      alias = "_" + name + "_" + (++aliases);
    } while (fields.containsKey(alias));
    return alias;
  }

  void typename() {
    fields.putIfAbsent("__typename", new FieldSelection("__typename", "__typename", List.of(), false, true));
  }

  SubgraphSelection fragment(String typeCondition) {
    return fragments.computeIfAbsent(typeCondition, t -> new SubgraphSelection());
  }

  Collection<FieldSelection> fields() {
    return fields.values();
  }

  Map<String, SubgraphSelection> fragments() {
    return fragments;
  }

  boolean isEmpty() {
    return fields.isEmpty() && fragments.values().stream().allMatch(SubgraphSelection::isEmpty);
  }
}
