package dev.shopfed.gateway.supergraph;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;

/** Parses the {@code join__FieldSet} strings of keys, requires and provides. */
final class FieldSets {

  private FieldSets() {}

  static SelectionSet parse(String fieldSet) {
    if (fieldSet == null || fieldSet.isBlank()) {
      return null;
    }
    try {
      Document doc = Parser.parse("{" + fieldSet + "}");
      return ((OperationDefinition) doc.getDefinitions().get(0)).getSelectionSet();
    } catch (RuntimeException e) {
      throw new SupergraphException("invalid field set \"" + fieldSet + "\": " + e.getMessage(), e);
    }
  }
}
