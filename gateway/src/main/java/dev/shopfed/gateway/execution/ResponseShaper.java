package dev.shopfed.gateway.execution;

import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the client's response from the merged subgraph data, as GraphQL execution over the API schema would: the
 * fields asked for, in the order asked, under their aliases; {@code __typename} answered by the gateway; values of
 * hidden enum values refused; a null in a non-null position propagated to the nearest nullable parent with one error.
 */
final class ResponseShaper {

  /** Marks a non-null position that ended null: its parent must become null too. */
  private static final Object PROPAGATE = new Object();

  private final GraphQLSchema schema;
  private final ResultTree tree;
  private final Map<String, Object> introspection;
  private final ResponseOrder order;
  private final ResponseBudget budget;
  private final Set<ExecutableNormalizedField> withheld;

  ResponseShaper(GraphQLSchema schema, ResultTree tree, Map<String, Object> introspection, ResponseOrder order,
      ResponseBudget budget) {
    this(schema, tree, introspection, order, budget, Set.of());
  }

  /** {@code withheld}: fields authorization left out, answered null whatever data holds (compared by identity). */
  ResponseShaper(GraphQLSchema schema, ResultTree tree, Map<String, Object> introspection, ResponseOrder order,
      ResponseBudget budget, Set<ExecutableNormalizedField> withheld) {
    this.withheld = withheld;
    this.schema = schema;
    this.tree = tree;
    this.introspection = introspection;
    this.order = order;
    this.budget = budget;
  }

  /** The response's data entry; null when a non-null root field ended null. */
  Map<String, Object> shape(List<ExecutableNormalizedField> rootFields, GraphQLObjectType rootType) {
    Map<String, Object> source = new LinkedHashMap<>(tree.data);
    source.putAll(introspection);
    Object shaped = object(source, rootType, null, rootFields, new ArrayList<>());
    @SuppressWarnings("unchecked")
    Map<String, Object> data = shaped == PROPAGATE ? null : (Map<String, Object>) shaped;
    return data;
  }

  /** The fields of one object, in the order its type collects them; {@code parent} is null at the root. */
  private Object object(Map<String, Object> source, GraphQLObjectType type, ExecutableNormalizedField parent,
      List<ExecutableNormalizedField> fields, List<Object> path) {
    List<ResponseOrder.Slot> slots = order.slots(parent, type, fields);
    Map<String, Object> out = new LinkedHashMap<>(capacity(slots.size()));
    for (ResponseOrder.Slot slot : slots) {
      Object value = switch (slot.source()) {
        case TYPENAME -> type.getName();
        case INTROSPECTION -> source.get(slot.key());
        case FETCHED -> fetched(source, slot, path, type);
      };
      if (value == PROPAGATE) {
        return PROPAGATE;
      }
      budget.chargeResponse(slot.key().length() + 4 + jsonSize(value));
      out.put(slot.key(), value);
    }
    return out;
  }

  private Object fetched(Map<String, Object> source, ResponseOrder.Slot slot, List<Object> path,
      GraphQLObjectType type) {
    path.add(slot.key());
    Object raw = withheld.contains(slot.field()) ? null : source.get(slot.key());
    Object value = value(raw, slot.type(), slot.field(), path, type);
    path.remove(path.size() - 1);
    return value;
  }

  /** About how many bytes a value adds to the response JSON; objects and lists count their brackets (their contents
   * were counted as they were shaped). */
  private static long jsonSize(Object value) {
    if (value instanceof CharSequence text) {
      return text.length() + 2L;
    }
    return value instanceof Map<?, ?> || value instanceof List<?> ? 2 : 8;
  }

  /** A map capacity that holds {@code size} entries without rehashing. */
  private static int capacity(int size) {
    return size * 4 / 3 + 1;
  }

  private Object value(Object raw, GraphQLOutputType type, ExecutableNormalizedField field, List<Object> path,
      GraphQLObjectType parent) {
    if (type instanceof GraphQLNonNull nonNull) {
      Object value = nullable(raw, (GraphQLOutputType) nonNull.getWrappedType(), field, path, parent);
      if (value == null || value == PROPAGATE) {
        if (value == null) {
          nullInNonNull(parent, field, path);
        }
        return PROPAGATE;
      }
      return value;
    }
    Object value = nullable(raw, type, field, path, parent);
    return value == PROPAGATE ? null : value;
  }

  private Object nullable(Object raw, GraphQLOutputType type, ExecutableNormalizedField field, List<Object> path,
      GraphQLObjectType parent) {
    if (raw == null) {
      return null;
    }
    if (type instanceof GraphQLList list) {
      return list(raw, (GraphQLOutputType) list.getWrappedType(), field, path, parent);
    }
    if (type instanceof GraphQLEnumType enumType) {
      return enumValue(raw, enumType, path);
    }
    if (!(raw instanceof Map<?, ?> map)) {
      return isLeaf(type) ? raw : invalid("expected an object", path);
    }
    if (field.getChildren().isEmpty()) {
      return new LinkedHashMap<>(); // every field below was skipped: an empty object, whatever its type
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> source = (Map<String, Object>) map;
    GraphQLObjectType objectType = concreteType(type, source);
    if (objectType == null) {
      return invalid("cannot resolve the concrete type of " + graphql.schema.GraphQLTypeUtil.simplePrint(type), path);
    }
    Object shaped = object(source, objectType, field, field.getChildren(), path);
    return shaped == PROPAGATE ? null : shaped;
  }

  private Object list(Object raw, GraphQLOutputType itemType, ExecutableNormalizedField field, List<Object> path,
      GraphQLObjectType parent) {
    if (!(raw instanceof List<?> items)) {
      return invalid("expected a list", path);
    }
    List<Object> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      path.add(i);
      Object value = value(items.get(i), itemType, field, path, parent);
      path.remove(path.size() - 1);
      if (value == PROPAGATE) {
        return null;
      }
      budget.chargeResponse(1 + jsonSize(value));
      out.add(value);
    }
    return out;
  }

  private GraphQLObjectType concreteType(GraphQLOutputType type, Map<String, Object> source) {
    if (type instanceof GraphQLObjectType object) {
      return object;
    }
    Object typename = source.get("__typename");
    GraphQLType named = typename == null ? null : schema.getType(typename.toString());
    return named instanceof GraphQLObjectType object && schema.isPossibleType((graphql.schema.GraphQLNamedType) type, object)
        ? object
        : null;
  }

  private Object enumValue(Object raw, GraphQLEnumType type, List<Object> path) {
    if (raw instanceof String name && type.getValue(name) != null) {
      return name;
    }
    return invalid("Enum \"" + type.getName() + "\" cannot represent value: " + Json.writeString(raw), path);
  }

  private static boolean isLeaf(GraphQLOutputType type) {
    return !(type instanceof graphql.schema.GraphQLCompositeType);
  }

  private Object invalid(String message, List<Object> path) {
    tree.errors.add(GraphQLErrors.error(message, new ArrayList<>(path), "INTERNAL_SERVER_ERROR"));
    return null;
  }

  private void nullInNonNull(GraphQLObjectType parent, ExecutableNormalizedField field, List<Object> path) {
    if (tree.fetchFailed || hasErrorAtOrBelow(path) || nulledBySubgraph(path)) {
      return;
    }
    tree.errors.add(GraphQLErrors.error(
        "Cannot return null for non-nullable field " + parent.getName() + "." + field.getName() + ".",
        new ArrayList<>(path), null));
  }

  private boolean hasErrorAtOrBelow(List<Object> path) {
    synchronized (tree.errors) {
      for (Map<String, Object> error : tree.errors) {
        if (error.get("path") instanceof List<?> errorPath && startsWith(errorPath, path)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean nulledBySubgraph(List<Object> path) {
    synchronized (tree.nulledBySubgraph) {
      return tree.nulledBySubgraph.stream().anyMatch(nulled -> startsWith(nulled, path));
    }
  }

  /**
   * Whether the error sits at {@code path} or below it, or at an ancestor of it (the ancestor failed); {@code "@"}
   * in an error's path (an unauthorized field's) stands for every item of a list.
   */
  private static boolean startsWith(List<?> errorPath, List<Object> path) {
    int n = Math.min(errorPath.size(), path.size());
    for (int i = 0; i < n; i++) {
      String element = String.valueOf(errorPath.get(i));
      if (!element.equals(String.valueOf(path.get(i))) && !(element.equals("@") && path.get(i) instanceof Integer)) {
        return false;
      }
    }
    return true;
  }
}
