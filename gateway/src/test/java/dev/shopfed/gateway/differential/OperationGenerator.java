package dev.shopfed.gateway.differential;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Seeded random queries over an API schema: depth-bounded selections with named and inline
 * fragments, aliases, {@code __typename}, {@code @skip}/{@code @include}, and arguments given as
 * literals or as variables. Every operation is checked against the schema; one that fails
 * validation is drawn again. The same seed always yields the same operation.
 */
final class OperationGenerator {

  /** One generated operation and its variable values. */
  record GeneratedOperation(String query, Map<String, Object> variables) {}

  private static final int MAX_DEPTH = 4;
  private static final int ATTEMPTS = 50;

  private final GraphQLSchema schema;
  private final GeneratorHints hints;

  OperationGenerator(GraphQLSchema schema, GeneratorHints hints) {
    this.schema = schema;
    this.hints = hints;
  }

  /** The schema as an introspection result ({@code data} of an introspection query) describes it. */
  static GraphQLSchema schemaFromIntrospection(Map<String, Object> introspectionData) {
    Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(introspectionData);
    return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
  }

  GeneratedOperation generate(long seed) {
    Random random = new Random(seed);
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      GeneratedOperation operation = new Draft(random).operation();
      var result = ParseAndValidate.parseAndValidate(schema,
          ExecutionInput.newExecutionInput(operation.query()).variables(operation.variables()).build());
      if (!result.isFailure()) {
        return operation;
      }
      failures.add(result.getErrors().get(0).getMessage());
    }
    throw new IllegalStateException("no valid operation in " + ATTEMPTS + " attempts for seed " + seed + ": " + failures);
  }

  /** The state of one operation while it is drawn. */
  private final class Draft {
    private final Random random;
    private final List<String> variableDefinitions = new ArrayList<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> fragments = new ArrayList<>();
    private int names;

    Draft(Random random) {
      this.random = random;
    }

    GeneratedOperation operation() {
      String selection = selectionSet(schema.getQueryType(), 0);
      String header = variableDefinitions.isEmpty() ? "" : "(" + String.join(", ", variableDefinitions) + ")";
      StringBuilder query = new StringBuilder("query Generated" + header + " " + selection);
      fragments.forEach(fragment -> query.append('\n').append(fragment));
      return new GeneratedOperation(query.toString(), variables);
    }

    private String selectionSet(GraphQLCompositeType type, int depth) {
      List<String> selections = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        selections.add(selection(type, depth));
      }
      return "{ " + String.join(" ", selections) + " }";
    }

    private String selection(GraphQLCompositeType type, int depth) {
      int roll = random.nextInt(12);
      if (roll == 0 || (type instanceof GraphQLUnionType && roll < 3)) {
        return "__typename";
      }
      if (type instanceof GraphQLUnionType || roll < 3) {
        return inlineFragment(type, depth);
      }
      if (roll == 3) {
        return namedFragment(type, depth);
      }
      return field((GraphQLFieldsContainer) type, depth);
    }

    /** On the type itself, on one of its possible types, or without a type condition. */
    private String inlineFragment(GraphQLCompositeType type, int depth) {
      GraphQLCompositeType on = narrowed(type);
      String condition = on == type && random.nextInt(3) == 0 ? "" : " on " + on.getName();
      return "..." + condition + directive() + " " + selectionSet(on, depth);
    }

    private String namedFragment(GraphQLCompositeType type, int depth) {
      GraphQLCompositeType on = narrowed(type);
      String name = "F" + (++names);
      fragments.add("fragment " + name + " on " + on.getName() + " " + selectionSet(on, depth));
      return "..." + name + directive();
    }

    private GraphQLCompositeType narrowed(GraphQLCompositeType type) {
      if (type instanceof GraphQLObjectType || random.nextInt(3) == 0 && !(type instanceof GraphQLUnionType)) {
        return type;
      }
      List<GraphQLObjectType> possible = type instanceof GraphQLUnionType union
          ? union.getTypes().stream().map(GraphQLObjectType.class::cast).toList()
          : schema.getImplementations((GraphQLInterfaceType) type);
      return possible.isEmpty() ? type : possible.get(random.nextInt(possible.size()));
    }

    private String field(GraphQLFieldsContainer type, int depth) {
      List<GraphQLFieldDefinition> candidates = type.getFieldDefinitions().stream()
          .filter(f -> depth < MAX_DEPTH || isLeaf(f.getType()))
          .filter(f -> !hints.skips(type.getName(), f.getName()))
          .toList();
      if (candidates.isEmpty()) {
        return "__typename";
      }
      GraphQLFieldDefinition field = candidates.get(random.nextInt(candidates.size()));
      Optional<String> arguments = arguments(type, field);
      if (arguments.isEmpty()) {
        return "__typename";
      }
      // Aliases keep fields with different arguments from clashing; some argless ones get one too.
      boolean aliased = !field.getArguments().isEmpty() || random.nextInt(5) == 0;
      String alias = aliased ? "a" + (++names) + ": " : "";
      GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(field.getType());
      String selection = unwrapped instanceof GraphQLCompositeType composite ? " " + selectionSet(composite, depth + 1) : "";
      return alias + field.getName() + arguments.get() + directive() + selection;
    }

    private String directive() {
      int roll = random.nextInt(10);
      if (roll > 1) {
        return "";
      }
      String name = roll == 0 ? "include" : "skip";
      if (random.nextBoolean()) {
        return " @" + name + "(if: " + random.nextBoolean() + ")";
      }
      String variable = "b" + (++names);
      variableDefinitions.add("$" + variable + ": Boolean!");
      variables.put(variable, random.nextInt(4) != 0 == name.equals("include"));
      return " @" + name + "(if: $" + variable + ")";
    }

    /** The argument list, or empty when a required argument has no value to give. */
    private Optional<String> arguments(GraphQLFieldsContainer type, GraphQLFieldDefinition field) {
      List<String> given = new ArrayList<>();
      for (GraphQLArgument argument : field.getArguments()) {
        boolean required = GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue();
        if (!required && random.nextInt(3) == 0) {
          continue;
        }
        Optional<Object> value = value(argument.getType(), type.getName(), field.getName(), argument.getName(), 0);
        if (value.isEmpty()) {
          if (required) {
            return Optional.empty();
          }
          continue;
        }
        given.add(argument.getName() + ": " + literalOrVariable(argument.getType(), value.get()));
      }
      return Optional.of(given.isEmpty() ? "" : "(" + String.join(", ", given) + ")");
    }

    private String literalOrVariable(GraphQLInputType type, Object value) {
      if (random.nextBoolean()) {
        return literal(type, value);
      }
      String variable = "v" + (++names);
      variableDefinitions.add("$" + variable + ": " + GraphQLTypeUtil.simplePrint(type));
      variables.put(variable, value);
      return "$" + variable;
    }

    private Optional<Object> value(GraphQLInputType type, String parent, String field, String argument, int depth) {
      GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
      if (inner instanceof GraphQLList list) {
        List<Object> items = new ArrayList<>();
        int size = 1 + random.nextInt(2);
        for (int i = 0; i < size; i++) {
          value((GraphQLInputType) list.getWrappedType(), parent, field, argument, depth).ifPresent(items::add);
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(items);
      }
      GraphQLNamedType named = (GraphQLNamedType) inner;
      List<?> pool = hints.samples(parent, field, argument, named.getName());
      if (!pool.isEmpty()) {
        return Optional.ofNullable(pool.get(random.nextInt(pool.size())));
      }
      if (named instanceof GraphQLEnumType enumType) {
        var values = enumType.getValues();
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(random.nextInt(values.size())).getName());
      }
      if (named instanceof GraphQLInputObjectType input) {
        return depth > 2 ? Optional.empty() : inputObject(input, depth);
      }
      return scalar((GraphQLScalarType) named);
    }

    private Optional<Object> inputObject(GraphQLInputObjectType input, int depth) {
      Map<String, Object> object = new LinkedHashMap<>();
      for (GraphQLInputObjectField f : input.getFieldDefinitions()) {
        boolean required = GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue();
        if (!required && random.nextBoolean()) {
          continue;
        }
        Optional<Object> value = value(f.getType(), input.getName(), f.getName(), f.getName(), depth + 1);
        if (value.isEmpty() && required) {
          return Optional.empty();
        }
        value.ifPresent(v -> object.put(f.getName(), v));
      }
      return Optional.of(object);
    }

    private Optional<Object> scalar(GraphQLScalarType scalar) {
      return switch (scalar.getName()) {
        case "Int" -> Optional.of(random.nextInt(5));
        case "Float" -> Optional.of(List.of(0.5, 1.0, 2.25).get(random.nextInt(3)));
        case "Boolean" -> Optional.of(random.nextBoolean());
        case "String", "ID" -> Optional.of(List.of("a", "1", "x y").get(random.nextInt(3)));
        default -> Optional.empty(); // a custom scalar needs samples: its valid values are unknown
      };
    }

    private String literal(GraphQLInputType type, Object value) {
      GraphQLType inner = GraphQLTypeUtil.unwrapNonNull(type);
      if (value == null) {
        return "null";
      }
      if (inner instanceof GraphQLList list && value instanceof List<?> items) {
        List<String> rendered = new ArrayList<>();
        items.forEach(item -> rendered.add(literal((GraphQLInputType) list.getWrappedType(), item)));
        return "[" + String.join(", ", rendered) + "]";
      }
      if (inner instanceof GraphQLInputObjectType input && value instanceof Map<?, ?> object) {
        List<String> rendered = new ArrayList<>();
        object.forEach((k, v) -> rendered.add(k + ": " + literal(input.getField(String.valueOf(k)).getType(), v)));
        return "{" + String.join(", ", rendered) + "}";
      }
      if (inner instanceof GraphQLEnumType || value instanceof Number || value instanceof Boolean) {
        return String.valueOf(value);
      }
      return Json.write(String.valueOf(value));
    }

    private boolean isLeaf(GraphQLType type) {
      return !(GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLCompositeType);
    }
  }
}
