package dev.shopfed.gateway.execution;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the fields of a failed fetch sit in the client's response, so that its error can name them: the root fields
 * of a root fetch, the positions of the entities of an entity fetch.
 */
final class FetchPaths {

  private FetchPaths() {}

  /** The response keys of a root fetch's top-level fields; empty when the operation cannot be read. */
  static List<List<Object>> rootFields(String operation) {
    Document document;
    try {
      document = Parser.parse(operation);
    } catch (RuntimeException e) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    document.getDefinitionsOfType(OperationDefinition.class).stream().findFirst()
        .ifPresent(op -> collect(op.getSelectionSet(), keys));
    keys.remove("__typename");
    return keys.stream().<List<Object>>map(List::of).toList();
  }

  /** The positions of every object an entity fetch answers for. */
  static List<List<Object>> entities(Iterable<RepresentationBatch> batches) {
    List<List<Object>> paths = new ArrayList<>();
    for (RepresentationBatch batch : batches) {
      batch.targets.forEach(targets -> targets.forEach(t -> paths.add(t.path())));
    }
    return paths;
  }

  private static void collect(SelectionSet selections, Set<String> keys) {
    for (Selection<?> selection : selections.getSelections()) {
      if (selection instanceof Field field) {
        keys.add(field.getResultKey());
      } else if (selection instanceof InlineFragment fragment) {
        collect(fragment.getSelectionSet(), keys);
      }
    }
  }
}
