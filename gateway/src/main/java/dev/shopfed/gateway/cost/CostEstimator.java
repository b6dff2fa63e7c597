package dev.shopfed.gateway.cost;

import graphql.execution.CoercedVariables;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;

/**
 * The estimated cost of an operation before it runs (the cost spec's static analysis, as Apollo Router does it): a
 * mutation starts at 10; each field costs {@code count × (weight + its selections) + its arguments}, where count is
 * 1 for a non-list field and for a list the size its parent's {@code sizedFields} give, else its own
 * {@code @listSize} (largest slicing argument, else assumed size), else the configured default list size.
 */
final class CostEstimator {

  private static final double MUTATION_COST = 10;

  private final GraphQLSchema schema;
  private final CostDirectives directives;
  private final InputCost inputs;
  private final int defaultListSize;

  CostEstimator(GraphQLSchema schema, CostDirectives directives, int defaultListSize) {
    this.schema = schema;
    this.directives = directives;
    this.inputs = new InputCost(directives);
    this.defaultListSize = defaultListSize;
  }

  /** @throws CostException when a field's {@code @listSize} requires exactly one slicing argument and did not get it */
  double estimate(ExecutableNormalizedOperation operation, CoercedVariables variables) {
    double cost = operation.getOperation() == OperationDefinition.Operation.MUTATION ? MUTATION_COST : 0;
    for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
      cost += field(field, variables, null);
    }
    return cost;
  }

  private double field(ExecutableNormalizedField field, CoercedVariables variables, Integer sizeFromParent) {
    FieldCost cost = FieldCost.of(schema, directives, field, variables);
    if (cost == null) {
      return 0;
    }
    Integer expected = cost.expectedSize();
    double selections = 0;
    for (ExecutableNormalizedField child : field.getChildren()) {
      selections += field(child, variables, cost.sizeOf(child, expected));
    }
    return count(cost, sizeFromParent, expected) * (cost.weight + selections) + cost.argumentsCost(inputs);
  }

  private double count(FieldCost cost, Integer sizeFromParent, Integer expected) {
    if (!cost.isList()) {
      return 1;
    }
    if (sizeFromParent != null) {
      return sizeFromParent;
    }
    return expected != null ? expected : defaultListSize;
  }
}
