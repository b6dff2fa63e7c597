package dev.shopfed.gateway.cost;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The actual cost of an executed operation, from the data it returned (as Apollo Router measures it): the
 * estimate's weights with the real list lengths; each object returned costs its weight, each scalar or null its
 * weight (0 by default), arguments count once per field. Mutations do not add the estimate's 10.
 */
final class ActualCost {

  private final GraphQLSchema schema;
  private final CostDirectives directives;
  private final InputCost inputs;

  ActualCost(GraphQLSchema schema, CostDirectives directives) {
    this.schema = schema;
    this.directives = directives;
    this.inputs = new InputCost(directives);
  }

  double of(ExecutableNormalizedOperation operation, Map<String, Object> data, CoercedVariables variables) {
    return data == null ? 0 : selections(operation.getTopLevelFields(), data, variables);
  }

  /** The fields of one returned object; the response keys say which of the selected fields (by type) it got. */
  private double selections(List<ExecutableNormalizedField> fields, Map<?, ?> object, CoercedVariables variables) {
    Object typename = object.get("__typename");
    Set<String> counted = new HashSet<>();
    double cost = 0;
    for (ExecutableNormalizedField field : fields) {
      if (typename instanceof String t && !field.getObjectTypeNames().contains(t)) {
        continue;
      }
      if (object.containsKey(field.getResultKey()) && counted.add(field.getResultKey())) {
        cost += field(field, object.get(field.getResultKey()), variables);
      }
    }
    return cost;
  }

  private double field(ExecutableNormalizedField field, Object value, CoercedVariables variables) {
    FieldCost cost = FieldCost.of(schema, directives, field, variables);
    if (cost == null) {
      return 0;
    }
    return value(field, cost, value, variables) + cost.argumentsCost(inputs);
  }

  private double value(ExecutableNormalizedField field, FieldCost cost, Object value, CoercedVariables variables) {
    if (value instanceof List<?> items) {
      double sum = 0;
      for (Object item : items) {
        sum += value(field, cost, item, variables);
      }
      return sum;
    }
    if (value instanceof Map<?, ?> object) {
      return cost.weight + selections(field.getChildren(), object, variables);
    }
    // a scalar, an enum or a null costs its @cost when one is set, else nothing (even a null object)
    return cost.explicitWeight == null ? 0 : cost.explicitWeight;
  }
}
