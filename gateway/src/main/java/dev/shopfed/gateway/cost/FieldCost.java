package dev.shopfed.gateway.cost;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.ValuesResolver;
import graphql.language.ArrayValue;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.Locale;
import java.util.Map;

/**
 * What the estimate and the actual cost share about one normalized field: its definition, its weight (field
 * {@code @cost}, else its type's, else 1 for objects, interfaces and unions and 0 for scalars and enums), its
 * {@code @listSize}, its arguments for this request and what they cost.
 */
final class FieldCost {

  final GraphQLFieldDefinition definition;
  final double weight;
  /** the field's or its type's {@code @cost}, or null */
  final Integer explicitWeight;
  final ListSize listSize;
  private final ExecutableNormalizedField field;
  private final String parentType;
  private final Map<String, Object> arguments;

  private FieldCost(ExecutableNormalizedField field, GraphQLObjectType parent, GraphQLFieldDefinition definition,
      Integer explicitWeight, ListSize listSize, Map<String, Object> arguments) {
    this.field = field;
    this.parentType = parent.getName();
    this.definition = definition;
    this.explicitWeight = explicitWeight;
    this.weight = explicitWeight != null ? explicitWeight : named(definition) instanceof GraphQLCompositeType ? 1 : 0;
    this.listSize = listSize;
    this.arguments = arguments;
  }

  /** Null for {@code __typename} and introspection fields, which cost nothing. */
  static FieldCost of(GraphQLSchema schema, CostDirectives directives, ExecutableNormalizedField field,
      CoercedVariables variables) {
    if (field.getName().startsWith("__")) {
      return null;
    }
    GraphQLObjectType parent = null;
    GraphQLFieldDefinition definition = null;
    Integer weight = null;
    ListSize listSize = null;
    // one normalized field may stand for the same field of several object types: the heaviest counts
    for (String typeName : field.getObjectTypeNames()) {
      GraphQLObjectType type = schema.getObjectType(typeName);
      GraphQLFieldDefinition candidate = type == null ? null : type.getField(field.getName());
      if (candidate == null) {
        continue;
      }
      if (definition == null) {
        definition = candidate;
        parent = type;
      }
      Integer candidateWeight = directives.fieldWeight(typeName, field.getName(), named(candidate));
      if (candidateWeight != null && (weight == null || candidateWeight > weight)) {
        weight = candidateWeight;
      }
      listSize = listSize == null ? directives.listSize(type, field.getName()) : listSize;
    }
    if (definition == null) {
      return null;
    }
    return new FieldCost(field, parent, definition, weight, listSize, arguments(definition, field, listSize, variables));
  }

  boolean isList() {
    return GraphQLTypeUtil.isList(GraphQLTypeUtil.unwrapNonNull(definition.getType()));
  }

  /** The list size {@code @listSize} gives for this request: the largest slicing argument, else the assumed size. */
  Integer expectedSize() {
    if (listSize == null) {
      return null;
    }
    Integer largest = null;
    int given = 0;
    if (listSize.slicingArguments() != null) {
      for (String name : listSize.slicingArguments()) {
        if (arguments.get(name) instanceof Number n) {
          given++;
          largest = largest == null ? n.intValue() : Math.max(largest, n.intValue());
        }
      }
      if (listSize.requireOneSlicingArgument() && given != 1) {
        throw new CostException("Exactly one slicing argument of " + listSize.slicingArguments() + " is required on "
            + parentType + "." + field.getName() + ", but found " + given);
      }
    }
    Integer size = largest != null ? largest : listSize.assumedSize();
    return size == null ? null : Math.max(0, size);
  }

  /** The size a child field's list gets from this field's {@code @listSize(sizedFields:)}, or null. */
  Integer sizeOf(ExecutableNormalizedField child, Integer expectedSize) {
    return listSize != null && listSize.sizedFields().contains(child.getName()) ? expectedSize : null;
  }

  /** The arguments given in the operation, scored (defaults the operation does not repeat cost nothing). */
  double argumentsCost(InputCost inputs) {
    double cost = 0;
    for (var argument : field.getAstArguments()) {
      GraphQLArgument definitionOfArgument = definition.getArgument(argument.getName());
      if (definitionOfArgument != null) {
        cost += inputs.argument(parentType + "." + field.getName() + "(" + argument.getName() + ":)",
            definitionOfArgument.getType(), arguments.get(argument.getName()));
      }
    }
    return cost;
  }

  private static Map<String, Object> arguments(GraphQLFieldDefinition definition, ExecutableNormalizedField field,
      ListSize listSize, CoercedVariables variables) {
    if (field.getAstArguments().isEmpty() && listSize == null) {
      return Map.of();
    }
    // literal arguments were coerced with the operation; only variables differ from request to request
    if (field.getAstArguments().stream().noneMatch(a -> refersToVariable(a.getValue()))) {
      return field.getResolvedArguments();
    }
    return ValuesResolver.getArgumentValues(definition.getArguments(), field.getAstArguments(), variables,
        GraphQLContext.getDefault(), Locale.ENGLISH);
  }

  private static boolean refersToVariable(Value<?> value) {
    if (value instanceof VariableReference) {
      return true;
    }
    if (value instanceof ArrayValue array) {
      return array.getValues().stream().anyMatch(FieldCost::refersToVariable);
    }
    return value instanceof ObjectValue object
        && object.getObjectFields().stream().anyMatch(f -> refersToVariable(f.getValue()));
  }

  private static GraphQLNamedOutputType named(GraphQLFieldDefinition definition) {
    return (GraphQLNamedOutputType) GraphQLTypeUtil.unwrapAll(definition.getType());
  }
}
