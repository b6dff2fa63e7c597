package dev.shopfed.gateway.http;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.List;

/**
 * Reads just enough of a document to tell whether a GET would run a mutation, which GET must not do (it would
 * let a link or a prefetch change data). Everything else, syntax errors included, is left to the engine.
 */
final class OperationKinds {

  private OperationKinds() {}

  static boolean isMutation(String query, String operationName) {
    Document document;
    try {
      document = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return false;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
    OperationDefinition selected = operationName == null
        ? (operations.size() == 1 ? operations.get(0) : null)
        : operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
    return selected != null && selected.getOperation() == OperationDefinition.Operation.MUTATION;
  }
}
