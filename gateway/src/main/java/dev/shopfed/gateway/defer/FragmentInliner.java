package dev.shopfed.gateway.defer;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every fragment spread of an operation into an inline fragment with the spread's directives, so that each
 * {@code @defer} has one place in one tree and the operation can be pruned to any part of it. Every node holding
 * a selection set is new, so a named fragment used twice yields two distinct deferred fragments.
 */
final class FragmentInliner {

  private final Map<String, FragmentDefinition> fragments;

  private FragmentInliner(Document document) {
    this.fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
        .collect(Collectors.toMap(FragmentDefinition::getName, f -> f, (a, b) -> a));
  }

  /** The operation with no fragment spreads left (the document is valid, so spreads never cycle). */
  static OperationDefinition inline(Document document, OperationDefinition operation) {
    FragmentInliner inliner = new FragmentInliner(document);
    return operation.transform(b -> b.selectionSet(inliner.inline(operation.getSelectionSet())));
  }

  private SelectionSet inline(SelectionSet set) {
    if (set == null) {
      return null;
    }
    List<Selection> selections = new ArrayList<>();
    for (Selection<?> selection : set.getSelections()) {
      selections.add(inline(selection));
    }
    return SelectionSet.newSelectionSet(selections).build();
  }

  private Selection<?> inline(Selection<?> selection) {
    if (selection instanceof Field field) {
      return field.getSelectionSet() == null ? field : field.transform(b -> b.selectionSet(inline(field.getSelectionSet())));
    }
    if (selection instanceof InlineFragment fragment) {
      return fragment.transform(b -> b.selectionSet(inline(fragment.getSelectionSet())));
    }
    FragmentSpread spread = (FragmentSpread) selection;
    FragmentDefinition definition = fragments.get(spread.getName());
    return InlineFragment.newInlineFragment()
        .typeCondition(definition.getTypeCondition())
        .directives(spread.getDirectives())
        .selectionSet(inline(definition.getSelectionSet()))
        .build();
  }
}
