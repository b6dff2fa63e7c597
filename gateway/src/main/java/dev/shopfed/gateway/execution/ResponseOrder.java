package dev.shopfed.gateway.execution;

import graphql.GraphQLContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedSelectionSet;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The order of response keys for an object of a given type, as the specification's CollectFields gives it. The
 * normalized operation merges a field selected in several fragments at its first occurrence for any type; an object
 * must list it where it first occurs for its own type. Computed once per (field, type) of a cached plan.
 */
final class ResponseOrder {

  private record Key(ExecutableNormalizedField parent, String type) {}

  private final GraphQLSchema schema;
  private final OperationDefinition operation;
  private final ExecutableNormalizedOperation normalized;
  private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
  private final Map<String, Object> conditions;
  private final Map<Key, List<String>> keys = new ConcurrentHashMap<>();

  ResponseOrder(GraphQLSchema schema, Document document, OperationDefinition operation,
      ExecutableNormalizedOperation normalized, Map<String, Object> conditions) {
    this.schema = schema;
    this.operation = operation;
    this.normalized = normalized;
    this.conditions = conditions;
    document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
  }

  /** Response keys of an object of {@code type} below {@code parent} (null for the root), in order. */
  List<String> keys(ExecutableNormalizedField parent, GraphQLObjectType type) {
    return keys.computeIfAbsent(new Key(parent, type.getName()), k -> collect(parent, type));
  }

  private List<String> collect(ExecutableNormalizedField parent, GraphQLObjectType type) {
    FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
        .schema(schema)
        .objectType(type)
        .fragments(fragments)
        .variables(conditions)
        .graphQLContext(GraphQLContext.getDefault())
        .build();
    MergedSelectionSet collected = parent == null
        ? new FieldCollector().collectFields(parameters, operation.getSelectionSet())
        : new FieldCollector().collectFields(parameters, normalized.getMergedField(parent));
    return List.copyOf(collected.getKeys());
  }
}
