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
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an object of a given type shows in the response, in the order the specification's CollectFields gives: the
 * normalized operation merges a field selected in several fragments at its first occurrence for any type; an object
 * must list it where it first occurs for its own type. Computed once per (field, type) of a cached plan, so shaping a
 * response walks ready lists instead of matching fields to types per object.
 */
final class ResponseOrder {

  /**
   * A (field, type) pair, looked up for every object of every response: fields compare by identity (the normalized
   * operation's own), the hash is computed once, and equals is written out rather than a record's generated one.
   */
  private static final class Key {
    private final ExecutableNormalizedField parent;
    private final String type;
    private final int hash;

    Key(ExecutableNormalizedField parent, String type) {
      this.parent = parent;
      this.type = type;
      this.hash = 31 * System.identityHashCode(parent) + type.hashCode();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.parent == parent && key.type.equals(type);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private final GraphQLSchema schema;
  private final OperationDefinition operation;
  private final ExecutableNormalizedOperation normalized;
  private final Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
  private final Map<String, Object> conditions;
  private final Map<Key, List<Slot>> slots = new ConcurrentHashMap<>();

  /** How a response key of an object is answered. */
  enum Source {
    /** the object's type name, answered by the gateway */
    TYPENAME,
    /** {@code __schema} or {@code __type} at the root, answered by introspection */
    INTROSPECTION,
    /** the fetched value, shaped by the field's type */
    FETCHED
  }

  /** One response key of an object: the field answering it and the field's type on the object's type. */
  record Slot(String key, ExecutableNormalizedField field, GraphQLOutputType type, Source source) {}

  ResponseOrder(GraphQLSchema schema, Document document, OperationDefinition operation,
      ExecutableNormalizedOperation normalized, Map<String, Object> conditions) {
    this.schema = schema;
    this.operation = operation;
    this.normalized = normalized;
    this.conditions = conditions;
    document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
  }

  /**
   * The response keys of an object of {@code type} below {@code parent} (null for the root), in order, with the fields
   * of {@code fields} (the parent's children, or the root fields) that answer them.
   */
  List<Slot> slots(ExecutableNormalizedField parent, GraphQLObjectType type, List<ExecutableNormalizedField> fields) {
    Key key = new Key(parent, type.getName());
    List<Slot> known = slots.get(key); // computeIfAbsent would lock the bin on a hit that is not its first node
    return known != null ? known : slots.computeIfAbsent(key, k -> slotsOf(parent, type, fields));
  }

  private List<Slot> slotsOf(ExecutableNormalizedField parent, GraphQLObjectType type,
      List<ExecutableNormalizedField> fields) {
    Map<String, ExecutableNormalizedField> byKey = new LinkedHashMap<>();
    for (ExecutableNormalizedField field : fields) {
      if (field.getObjectTypeNames().contains(type.getName())) {
        byKey.putIfAbsent(field.getResultKey(), field);
      }
    }
    List<Slot> list = new ArrayList<>();
    for (String key : collect(parent, type)) {
      ExecutableNormalizedField field = byKey.get(key);
      if (field == null) {
        continue;
      }
      String name = field.getName();
      if (name.equals("__typename")) {
        list.add(new Slot(key, field, null, Source.TYPENAME));
      } else if (parent == null && (name.equals("__schema") || name.equals("__type"))) {
        list.add(new Slot(key, field, null, Source.INTROSPECTION));
      } else {
        list.add(new Slot(key, field, type.getFieldDefinition(name).getType(), Source.FETCHED));
      }
    }
    return List.copyOf(list);
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
