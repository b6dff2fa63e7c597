package dev.shopfed.gateway.supergraph;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The part of a {@code @provides} field set that applies at one position: below a field that provides, its subgraph
 * also resolves these (otherwise external) fields.
 */
public record ProvidedFields(SelectionSet selection) {

  public static final ProvidedFields NONE = new ProvidedFields(null);

  public boolean has(String objectType, String fieldName) {
    return find(selection, objectType, fieldName) != null;
  }

  public ProvidedFields child(String objectType, String fieldName) {
    Field f = find(selection, objectType, fieldName);
    return f == null || f.getSelectionSet() == null ? NONE : new ProvidedFields(f.getSelectionSet());
  }

  private static Field find(SelectionSet set, String objectType, String fieldName) {
    if (set == null) {
      return null;
    }
    for (Selection<?> s : set.getSelections()) {
      if (s instanceof Field f && f.getName().equals(fieldName)) {
        return f;
      }
      if (s instanceof InlineFragment fragment && applies(fragment, objectType)) {
        Field nested = find(fragment.getSelectionSet(), objectType, fieldName);
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static boolean applies(InlineFragment fragment, String objectType) {
    return fragment.getTypeCondition() == null || fragment.getTypeCondition().getName().equals(objectType);
  }
}
