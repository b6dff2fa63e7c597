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

  /** A selected field. {@code children} is null for leaves. */
  static final class FieldSelection {
    final String responseKey;
    final String name;
    final List<Argument> arguments;
    final SubgraphSelection children;

    FieldSelection(String responseKey, String name, List<Argument> arguments, boolean composite) {
      this.responseKey = responseKey;
      this.name = name;
      this.arguments = arguments;
      this.children = composite ? new SubgraphSelection() : null;
    }

    boolean sameField(String otherName, List<Argument> otherArguments) {
      return name.equals(otherName) && ArgumentsText.print(arguments).equals(ArgumentsText.print(otherArguments));
    }
  }

  /**
   * The field under {@code responseKey}, added if missing. Returns null when the key is already taken by a different
   * field (or the same field with other arguments): the caller must alias.
   */
  FieldSelection field(String responseKey, String name, List<Argument> arguments, boolean composite) {
    FieldSelection existing = fields.get(responseKey);
    if (existing == null) {
      FieldSelection added = new FieldSelection(responseKey, name, arguments, composite);
      fields.put(responseKey, added);
      return added;
    }
    return existing.sameField(name, arguments) ? existing : null;
  }

  void typename() {
    fields.putIfAbsent("__typename", new FieldSelection("__typename", "__typename", List.of(), false));
  }

  boolean has(String responseKey) {
    return fields.containsKey(responseKey);
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
