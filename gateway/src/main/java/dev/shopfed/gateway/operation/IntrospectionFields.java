package dev.shopfed.gateway.operation;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether a document asks for the schema: a {@code __schema} or {@code __type} field anywhere in it, fragments
 * included (as Apollo Server's NoIntrospection rule reads it). {@code __typename} is not introspection. One pass over
 * the syntax tree, fragments read once where they are defined, never expanded.
 */
public final class IntrospectionFields {

  private IntrospectionFields() {}

  public static boolean present(Document document) {
    Deque<Node<?>> pending = new ArrayDeque<>();
    pending.push(document);
    while (!pending.isEmpty()) {
      Node<?> node = pending.pop();
      if (node instanceof Field field && isSchemaField(field.getName())) {
        return true;
      }
      node.getChildren().forEach(pending::push);
    }
    return false;
  }

  private static boolean isSchemaField(String name) {
    return name.equals("__schema") || name.equals("__type");
  }
}
