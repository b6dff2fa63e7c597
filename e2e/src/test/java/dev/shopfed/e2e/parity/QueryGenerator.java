package dev.shopfed.e2e.parity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random queries over an API schema given as an introspection result, after the gateway
 * module's differential {@code OperationGenerator}: depth-bounded selections with named and inline
 * fragments, aliases, {@code __typename}, {@code @skip}/{@code @include}, and arguments as literals
 * or variables, drawn from sample values. It needs no validator: every operation is valid by
 * construction (each variable and fragment is used once; a field that has arguments, or whose name
 * has different types on different object types, always gets a unique alias, so no two fields
 * with the same response name can conflict). The same seed always yields the same operation.
 */
public final class QueryGenerator {

  /** One generated operation, its variable values and the buyer it runs as (null: anonymous). */
  public record GeneratedQuery(String query, Map<String, Object> variables, String userId) {}

  private static final int MAX_DEPTH = 4;

  private final Map<String, Map<String, Object>> types = new HashMap<>();
  private final String queryType;
  private final Set<String> ambiguousFieldNames = new HashSet<>();
  private final Samples samples;

  /** Sample values for arguments and the buyers to run as. */
  public interface Samples {
    /** Values for an argument, most specific first; empty when there are none (then the type decides). */
    List<Object> values(String parentType, String field, String argument, String namedType);

    List<String> users();

    /** Whether the generator may select this field; every one by default. */
    default boolean selectable(String parentType, String field) {
      return true;
    }
  }

  @SuppressWarnings("unchecked")
  public QueryGenerator(Map<String, Object> introspectionData, Samples samples) {
    this.samples = samples;
    Map<String, Object> schema = (Map<String, Object>) introspectionData.get("__schema");
    this.queryType = String.valueOf(((Map<String, Object>) schema.get("queryType")).get("name"));
    for (Object type : (List<Object>) schema.get("types")) {
      Map<String, Object> t = (Map<String, Object>) type;
      types.put(String.valueOf(t.get("name")), t);
    }
    Map<String, Set<String>> shapes = new HashMap<>();
    for (Map<String, Object> type : types.values()) {
      if (String.valueOf(type.get("name")).startsWith("__")) {
        continue;
      }
      for (Map<String, Object> field : list(type.get("fields"))) {
        shapes.computeIfAbsent(String.valueOf(field.get("name")), k -> new HashSet<>()).add(print(ref(field.get("type"))));
      }
    }
    shapes.forEach((name, printed) -> {
      if (printed.size() > 1) {
        ambiguousFieldNames.add(name);
      }
    });
  }

  public GeneratedQuery generate(long seed) {
    return new Draft(new Random(seed)).operation();
  }

  private final class Draft {
    private final Random random;
    private final List<String> variableDefinitions = new ArrayList<>();
    private final Map<String, Object> variables = new LinkedHashMap<>();
    private final List<String> fragments = new ArrayList<>();
    private int names;

    Draft(Random random) {
      this.random = random;
    }

    GeneratedQuery operation() {
      List<String> users = samples.users();
      String user = users.get(random.nextInt(users.size()));
      String selection = selectionSet(queryType, 0);
      String header = variableDefinitions.isEmpty() ? "" : "(" + String.join(", ", variableDefinitions) + ")";
      StringBuilder query = new StringBuilder("query Generated" + header + " " + selection);
      fragments.forEach(fragment -> query.append('\n').append(fragment));
      return new GeneratedQuery(query.toString(), variables, user);
    }

    private String selectionSet(String type, int depth) {
      List<String> selections = new ArrayList<>();
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        selections.add(selection(type, depth));
      }
      return "{ " + String.join(" ", selections) + " }";
    }

    private String selection(String type, int depth) {
      boolean union = "UNION".equals(kind(type));
      int roll = random.nextInt(12);
      if (roll == 0 || (union && roll < 3)) {
        return "__typename";
      }
      if (roll == 3) {
        return namedFragment(type, depth);
      }
      if (union || roll < 3) {
        return inlineFragment(type, depth);
      }
      return field(type, depth);
    }

    /** On the type itself, on one of its possible types, or without a type condition. */
    private String inlineFragment(String type, int depth) {
      String on = narrowed(type);
      String condition = on.equals(type) && random.nextInt(3) == 0 ? "" : " on " + on;
      return "..." + condition + directive() + " " + selectionSet(on, depth);
    }

    private String namedFragment(String type, int depth) {
      String on = narrowed(type);
      String name = "F" + (++names);
      fragments.add("fragment " + name + " on " + on + " " + selectionSet(on, depth));
      return "..." + name + directive();
    }

    private String narrowed(String type) {
      String kind = kind(type);
      if ("OBJECT".equals(kind) || (random.nextInt(3) == 0 && !"UNION".equals(kind))) {
        return type;
      }
      List<Map<String, Object>> possible = list(types.get(type).get("possibleTypes"));
      return possible.isEmpty() ? type : String.valueOf(possible.get(random.nextInt(possible.size())).get("name"));
    }

    private String field(String type, int depth) {
      List<Map<String, Object>> candidates = list(types.get(type).get("fields")).stream()
          .filter(f -> depth < MAX_DEPTH || isLeaf(ref(f.get("type"))))
          .filter(f -> samples.selectable(type, String.valueOf(f.get("name"))))
          .toList();
      if (candidates.isEmpty()) {
        return "__typename";
      }
      Map<String, Object> field = candidates.get(random.nextInt(candidates.size()));
      String name = String.valueOf(field.get("name"));
      List<Map<String, Object>> argumentDefinitions = list(field.get("args"));
      Optional<String> arguments = arguments(type, name, argumentDefinitions);
      if (arguments.isEmpty()) {
        return "__typename";
      }
      boolean aliased = !argumentDefinitions.isEmpty() || ambiguousFieldNames.contains(name) || random.nextInt(5) == 0;
      String alias = aliased ? "a" + (++names) + ": " : "";
      String named = namedType(ref(field.get("type")));
      String selection = isLeaf(ref(field.get("type"))) ? "" : " " + selectionSet(named, depth + 1);
      return alias + name + arguments.get() + directive() + selection;
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
    private Optional<String> arguments(String type, String field, List<Map<String, Object>> definitions) {
      List<String> given = new ArrayList<>();
      for (Map<String, Object> argument : definitions) {
        Map<String, Object> argType = ref(argument.get("type"));
        boolean required = "NON_NULL".equals(argType.get("kind")) && argument.get("defaultValue") == null;
        if (!required && random.nextInt(3) == 0) {
          continue;
        }
        String argumentName = String.valueOf(argument.get("name"));
        Optional<Object> value = value(argType, type, field, argumentName, 0);
        if (value.isEmpty()) {
          if (required) {
            return Optional.empty();
          }
          continue;
        }
        given.add(argumentName + ": " + literalOrVariable(argType, value.get()));
      }
      return Optional.of(given.isEmpty() ? "" : "(" + String.join(", ", given) + ")");
    }

    private String literalOrVariable(Map<String, Object> type, Object value) {
      if (random.nextBoolean()) {
        return literal(type, value);
      }
      String variable = "v" + (++names);
      variableDefinitions.add("$" + variable + ": " + print(type));
      variables.put(variable, value);
      return "$" + variable;
    }

    private Optional<Object> value(Map<String, Object> type, String parent, String field, String argument, int depth) {
      Map<String, Object> inner = "NON_NULL".equals(type.get("kind")) ? ref(type.get("ofType")) : type;
      if ("LIST".equals(inner.get("kind"))) {
        List<Object> items = new ArrayList<>();
        int size = 1 + random.nextInt(2);
        for (int i = 0; i < size; i++) {
          value(ref(inner.get("ofType")), parent, field, argument, depth).ifPresent(items::add);
        }
        return items.isEmpty() ? Optional.empty() : Optional.of(items);
      }
      String named = String.valueOf(inner.get("name"));
      List<Object> pool = samples.values(parent, field, argument, named);
      if (!pool.isEmpty()) {
        return Optional.ofNullable(pool.get(random.nextInt(pool.size())));
      }
      Map<String, Object> definition = types.get(named);
      switch (String.valueOf(definition.get("kind"))) {
        case "ENUM" -> {
          List<Map<String, Object>> values = list(definition.get("enumValues"));
          return values.isEmpty() ? Optional.empty()
              : Optional.of(values.get(random.nextInt(values.size())).get("name"));
        }
        case "INPUT_OBJECT" -> {
          return depth > 2 ? Optional.empty() : inputObject(definition, depth);
        }
        default -> {
          return scalar(named);
        }
      }
    }

    private Optional<Object> inputObject(Map<String, Object> input, int depth) {
      Map<String, Object> object = new LinkedHashMap<>();
      String inputName = String.valueOf(input.get("name"));
      for (Map<String, Object> f : list(input.get("inputFields"))) {
        Map<String, Object> fieldType = ref(f.get("type"));
        boolean required = "NON_NULL".equals(fieldType.get("kind")) && f.get("defaultValue") == null;
        if (!required && random.nextBoolean()) {
          continue;
        }
        String name = String.valueOf(f.get("name"));
        Optional<Object> value = value(fieldType, inputName, name, name, depth + 1);
        if (value.isEmpty() && required) {
          return Optional.empty();
        }
        value.ifPresent(v -> object.put(name, v));
      }
      return Optional.of(object);
    }

    private Optional<Object> scalar(String name) {
      return switch (name) {
        case "Int" -> Optional.of(random.nextInt(5));
        case "Float" -> Optional.of(List.of(0.5, 1.0, 2.25).get(random.nextInt(3)));
        case "Boolean" -> Optional.of(random.nextBoolean());
        case "String", "ID" -> Optional.of(List.of("a", "1", "x y").get(random.nextInt(3)));
        default -> Optional.empty(); // a custom scalar needs samples: its valid values are unknown
      };
    }

    private String literal(Map<String, Object> type, Object value) {
      Map<String, Object> inner = "NON_NULL".equals(type.get("kind")) ? ref(type.get("ofType")) : type;
      if (value == null) {
        return "null";
      }
      if ("LIST".equals(inner.get("kind")) && value instanceof List<?> items) {
        List<String> rendered = new ArrayList<>();
        items.forEach(item -> rendered.add(literal(ref(inner.get("ofType")), item)));
        return "[" + String.join(", ", rendered) + "]";
      }
      Map<String, Object> definition = types.get(String.valueOf(inner.get("name")));
      if ("INPUT_OBJECT".equals(definition.get("kind")) && value instanceof Map<?, ?> object) {
        List<String> rendered = new ArrayList<>();
        object.forEach((k, v) -> rendered.add(k + ": " + literal(inputFieldType(definition, String.valueOf(k)), v)));
        return "{" + String.join(", ", rendered) + "}";
      }
      if ("ENUM".equals(definition.get("kind")) || value instanceof Number || value instanceof Boolean) {
        return String.valueOf(value);
      }
      return ParityJson.write(String.valueOf(value));
    }
  }

  private Map<String, Object> inputFieldType(Map<String, Object> input, String name) {
    return list(input.get("inputFields")).stream().filter(f -> name.equals(f.get("name"))).findFirst()
        .map(f -> ref(f.get("type")))
        .orElseThrow(() -> new IllegalStateException(input.get("name") + " has no field " + name));
  }

  private String kind(String type) {
    return String.valueOf(types.get(type).get("kind"));
  }

  private boolean isLeaf(Map<String, Object> type) {
    String kind = kind(namedType(type));
    return kind.equals("SCALAR") || kind.equals("ENUM");
  }

  private static String namedType(Map<String, Object> type) {
    Map<String, Object> t = type;
    while (t.get("ofType") != null) {
      t = ref(t.get("ofType"));
    }
    return String.valueOf(t.get("name"));
  }

  private static String print(Map<String, Object> type) {
    return switch (String.valueOf(type.get("kind"))) {
      case "NON_NULL" -> print(ref(type.get("ofType"))) + "!";
      case "LIST" -> "[" + print(ref(type.get("ofType"))) + "]";
      default -> String.valueOf(type.get("name"));
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ref(Object type) {
    return (Map<String, Object>) type;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }
}
