package dev.shopfed.gateway.operation;

import graphql.GraphQLError;
import graphql.language.Document;
import java.util.List;
import java.util.Set;

/**
 * A client document, parsed and validated against the API schema once and then cached by its text.
 *
 * @param document           the parsed document, or null when it does not parse
 * @param errors             parse or validation errors; empty when the document is valid
 * @param conditionVariables variables used by {@code @skip}/{@code @include}: their values select the plan
 */
public record ParsedDocument(Document document, List<GraphQLError> errors, Set<String> conditionVariables) {

  public boolean isValid() {
    return errors.isEmpty();
  }
}
