package dev.shopfed.gateway.supergraph;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wiring of the API schema. The gateway never resolves data with it (subgraphs do), so: custom scalars are opaque
 * (the subgraphs own their meaning; values pass through unchanged both ways) and abstract types resolve from the
 * {@code __typename} the data carries.
 */
final class ApiSchemaWiring implements WiringFactory {

  @Override
  public boolean providesTypeResolver(graphql.schema.idl.InterfaceWiringEnvironment environment) {
    return true;
  }

  @Override
  public graphql.schema.TypeResolver getTypeResolver(graphql.schema.idl.InterfaceWiringEnvironment environment) {
    return ApiSchemaWiring::byTypename;
  }

  @Override
  public boolean providesTypeResolver(graphql.schema.idl.UnionWiringEnvironment environment) {
    return true;
  }

  @Override
  public graphql.schema.TypeResolver getTypeResolver(graphql.schema.idl.UnionWiringEnvironment environment) {
    return ApiSchemaWiring::byTypename;
  }

  private static graphql.schema.GraphQLObjectType byTypename(graphql.TypeResolutionEnvironment environment) {
    Object source = environment.getObject();
    Object typename = source instanceof Map<?, ?> map ? map.get("__typename") : null;
    return typename == null ? null : environment.getSchema().getObjectType(typename.toString());
  }

  @Override
  public boolean providesScalar(ScalarWiringEnvironment environment) {
    return !graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
  }

  @Override
  public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
    var definition = environment.getScalarTypeDefinition();
    return GraphQLScalarType.newScalar()
        .name(definition.getName())
        .description(definition.getDescription() == null ? null : definition.getDescription().getContent())
        .definition(definition)
        .coercing(new Opaque())
        .build();
  }

  private static final class Opaque implements Coercing<Object, Object> {
    @Override
    public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
      return dataFetcherResult;
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
      return input;
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
      return literal(input, variables.toMap());
    }

    private static Object literal(Value<?> value, Map<String, Object> variables) {
      if (value instanceof VariableReference v) {
        return variables.get(v.getName());
      }
      if (value instanceof StringValue s) {
        return s.getValue();
      }
      if (value instanceof IntValue i) {
        return i.getValue();
      }
      if (value instanceof FloatValue f) {
        return f.getValue();
      }
      if (value instanceof BooleanValue b) {
        return b.isValue();
      }
      if (value instanceof EnumValue e) {
        return e.getName();
      }
      if (value instanceof ArrayValue a) {
        return a.getValues().stream().map(v -> literal(v, variables)).toList();
      }
      if (value instanceof ObjectValue o) {
        Map<String, Object> map = new LinkedHashMap<>();
        o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
        return map;
      }
      return null;
    }
  }
}
