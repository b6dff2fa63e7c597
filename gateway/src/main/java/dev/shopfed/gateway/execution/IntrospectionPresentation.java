package dev.shopfed.gateway.execution;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@code __schema} presents the API schema. graphql-java sorts types by name; clients and tools written against
 * the JavaScript reference implementation see them in schema definition order, each followed by the built-in scalars
 * it first refers to, then the introspection types. The specification leaves the order open, so the gateway follows
 * the reference implementation, as the other gateways do. graphql-java also adds directives of its own
 * ({@code @defer}, {@code @experimental_disableErrorPropagation}) that the supergraph does not define: they are not
 * shown.
 */
final class IntrospectionPresentation {

  private static final Set<String> ENGINE_DIRECTIVES = Set.of("defer", "experimental_disableErrorPropagation");

  private static final List<String> INTROSPECTION_TYPES = List.of("__Schema", "__Type", "__TypeKind", "__Field",
      "__InputValue", "__EnumValue", "__Directive", "__DirectiveLocation");

  private final Map<String, Integer> rank = new HashMap<>();

  private final Set<String> hiddenDirectives = new java.util.HashSet<>();

  IntrospectionPresentation(GraphQLSchema schema, List<String> definitionOrder, Set<String> definedDirectives) {
    ENGINE_DIRECTIVES.stream().filter(d -> !definedDirectives.contains(d)).forEach(hiddenDirectives::add);
    Set<String> order = new LinkedHashSet<>();
    for (String name : definitionOrder) {
      GraphQLType type = schema.getType(name);
      if (type == null) {
        continue;
      }
      order.add(name);
      builtInsReferenced(type, order);
    }
    for (GraphQLDirective directive : schema.getDirectives()) {
      if (hiddenDirectives.contains(directive.getName())) {
        continue;
      }
      directive.getArguments().forEach(a -> addBuiltIn(a.getType(), order));
    }
    order.addAll(INTROSPECTION_TYPES);
    int i = 0;
    for (String name : order) {
      rank.put(name, i++);
    }
  }

  private static void builtInsReferenced(GraphQLType type, Set<String> order) {
    if (type instanceof GraphQLFieldsContainer container) {
      for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
        addBuiltIn(field.getType(), order);
        for (GraphQLArgument argument : field.getArguments()) {
          addBuiltIn(argument.getType(), order);
        }
      }
    }
    if (type instanceof GraphQLInputObjectType input) {
      for (GraphQLInputObjectField field : input.getFieldDefinitions()) {
        addBuiltIn(field.getType(), order);
      }
    }
  }

  private static void addBuiltIn(GraphQLType type, Set<String> order) {
    String name = GraphQLTypeUtil.unwrapAll(type).getName();
    if (graphql.schema.idl.ScalarInfo.isGraphqlSpecifiedScalar(name)) {
      order.add(name);
    }
  }

  /** Adjusts a {@code __schema} answer in place: types in reference order, engine-only directives hidden. */
  @SuppressWarnings("unchecked")
  void present(Object schemaAnswer) {
    if (!(schemaAnswer instanceof Map<?, ?> schema)) {
      return;
    }
    if (schema.get("directives") instanceof List<?> directives) {
      List<Object> shown = new ArrayList<>(directives);
      shown.removeIf(d -> d instanceof Map<?, ?> m && hiddenDirectives.contains(m.get("name")));
      shown.forEach(IntrospectionPresentation::deprecatedLocations);
      ((Map<String, Object>) schema).put("directives", shown);
    }
    if (!(schema.get("types") instanceof List<?> types)) {
      return;
    }
    boolean named = types.stream().allMatch(t -> t instanceof Map<?, ?> m && m.get("name") instanceof String);
    if (!named) {
      return;
    }
    List<Object> sorted = new ArrayList<>(types);
    sorted.sort((a, b) -> Integer.compare(rankOf(a), rankOf(b)));
    ((Map<String, Object>) schema).put("types", sorted);
  }

  /** The reference implementation lists @deprecated's locations in this order; graphql-java swaps the last two. */
  private static final List<String> DEPRECATED_LOCATIONS =
      List.of("FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE");

  @SuppressWarnings("unchecked")
  private static void deprecatedLocations(Object directive) {
    if (directive instanceof Map<?, ?> d && "deprecated".equals(d.get("name")) && d.get("locations") instanceof List<?> l) {
      List<Object> sorted = new ArrayList<>(l);
      sorted.sort((a, b) -> Integer.compare(DEPRECATED_LOCATIONS.indexOf(a), DEPRECATED_LOCATIONS.indexOf(b)));
      ((Map<String, Object>) d).put("locations", sorted);
    }
  }

  private int rankOf(Object type) {
    return rank.getOrDefault((String) ((Map<?, ?>) type).get("name"), Integer.MAX_VALUE);
  }
}
