package dev.shopfed.gateway.cost;

import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;
import java.util.Map;

/**
 * The cost of an argument's coerced value, as Apollo scores arguments: an input object costs its weight (1 unless
 * {@code @cost} says otherwise) plus its fields, a list its weight (0 by default) plus each item, a scalar or enum
 * its weight (0 by default), null nothing.
 */
final class InputCost {

  private final CostDirectives directives;

  InputCost(CostDirectives directives) {
    this.directives = directives;
  }

  /** @param coordinate {@code Type.field(argument:)}, whose {@code @cost} (else its type's) weighs the value */
  double argument(String coordinate, GraphQLInputType type, Object value) {
    return score(value, type, weight(coordinate, type));
  }

  private double score(Object value, GraphQLInputType type, Integer weight) {
    if (value == null) {
      return 0;
    }
    GraphQLType unwrapped = GraphQLTypeUtil.unwrapNonNull(type);
    if (value instanceof List<?> items) {
      GraphQLInputType itemType = unwrapped instanceof GraphQLList list ? (GraphQLInputType) list.getWrappedType() : type;
      double cost = weight == null ? 0 : weight;
      for (Object item : items) {
        cost += score(item, itemType, weight);
      }
      return cost;
    }
    if (value instanceof Map<?, ?> fields && unwrapped instanceof GraphQLInputObjectType input) {
      return (weight == null ? 1 : weight) + fields(input, fields);
    }
    return weight == null ? 0 : weight;
  }

  private double fields(GraphQLInputObjectType input, Map<?, ?> fields) {
    double cost = 0;
    for (var entry : fields.entrySet()) {
      GraphQLInputObjectField field = input.getField(String.valueOf(entry.getKey()));
      if (field != null) {
        cost += score(entry.getValue(), field.getType(), weight(input.getName() + "." + field.getName(), field.getType()));
      }
    }
    return cost;
  }

  private Integer weight(String coordinate, GraphQLInputType type) {
    Integer own = directives.weight(coordinate);
    return own != null ? own : directives.weight(((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(type)).getName());
  }
}
