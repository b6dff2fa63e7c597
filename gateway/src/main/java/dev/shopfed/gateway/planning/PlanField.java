package dev.shopfed.gateway.planning;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.normalized.ExecutableNormalizedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A field the plan must fetch: a client field of the normalized operation, or a field of a key or
 * {@code @requires} field set.
 *
 * @param responseKey where the value goes in the response (alias or name)
 * @param name        the field's name
 * @param arguments   arguments as written, variables included
 * @param objectTypes the concrete types the field applies to, or null for "whatever type the position has"
 * @param children    sub-selection, empty for leaves
 * @param internal    wanted by the plan itself (a key or a requirement), not by the client: the client never sees it,
 *                    so it may be fetched under another response key
 */
public record PlanField(
    String responseKey, String name, List<Argument> arguments, Set<String> objectTypes, List<PlanField> children,
    boolean internal) {

  public boolean isTypename() {
    return name.equals("__typename");
  }

  public boolean appliesTo(String objectType) {
    return objectTypes == null || objectTypes.contains(objectType);
  }

  /** The client's fields but the excluded ones (compared by identity). */
  static List<PlanField> fromNormalized(List<ExecutableNormalizedField> fields, Set<ExecutableNormalizedField> excluded) {
    List<PlanField> list = new ArrayList<>(fields.size());
    for (ExecutableNormalizedField f : fields) {
      if (excluded.contains(f)) {
        continue;
      }
      list.add(new PlanField(f.getResultKey(), f.getName(), f.getAstArguments(), Set.copyOf(f.getObjectTypeNames()),
          fromNormalized(f.getChildren(), excluded), false));
    }
    return list;
  }

  /** Fields of a key, requires or provides field set; inline fragments narrow the types. */
  static List<PlanField> fromFieldSet(SelectionSet set, Set<String> objectTypes) {
    List<PlanField> list = new ArrayList<>();
    if (set == null) {
      return list;
    }
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f) {
        list.add(new PlanField(f.getName(), f.getName(), f.getArguments(), objectTypes,
            fromFieldSet(f.getSelectionSet(), null), true));
      }
      if (s instanceof InlineFragment fragment) {
        Set<String> narrowed = fragment.getTypeCondition() == null ? objectTypes : Set.of(fragment.getTypeCondition().getName());
        list.addAll(fromFieldSet(fragment.getSelectionSet(), narrowed));
      }
    }
    return list;
  }
}
