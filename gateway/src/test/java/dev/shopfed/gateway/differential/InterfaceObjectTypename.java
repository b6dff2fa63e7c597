package dev.shopfed.gateway.differential;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.Node;
import graphql.parser.Parser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises Apollo Gateway's defect with {@code __typename} beside fields of an {@code @interfaceObject}: when a
 * selection of an entity is planned as {@code __typename} and fields only the interface object's subgraph resolves,
 * Apollo Gateway asks that subgraph for the {@code __typename} too, gets the interface's name ("Node", which is no
 * object type) and writes it over the concrete type the owning subgraph gave. The fragments on the concrete type then
 * no longer apply (their fields vanish) and an object-typed field comes back null, all without an error. Documented by
 * abstract/interface-object-field-beside-typename.
 *
 * <p>Which selections Apollo Gateway plans that way depends on how it splits and merges fragments, so the signature is
 * taken from the answers: the operation selects {@code __typename} and such a field; both answers have the same
 * errors; and Apollo Gateway's data is ours with content lost, never added or changed (objects emptied of keys, or
 * null where ours has an object).
 */
final class InterfaceObjectTypename {

  static final String REASON = "Apollo Gateway takes __typename from the @interfaceObject's subgraph (the interface's "
      + "name) when a selection holds only __typename and that subgraph's fields, so fragments on the concrete type "
      + "drop out and object fields turn null without an error; the entity's type is the concrete one its owner "
      + "resolved (documented by abstract/interface-object-field-beside-typename)";

  private final Set<String> interfaceObjectFields;

  private InterfaceObjectTypename(Set<String> interfaceObjectFields) {
    this.interfaceObjectFields = interfaceObjectFields;
  }

  /** The fields (by name) that only subgraphs seeing the interface as an @interfaceObject resolve (no keys). */
  static InterfaceObjectTypename of(String supergraphSdl) {
    Set<String> fields = new HashSet<>();
    Document document = Parser.parse(supergraphSdl);
    for (InterfaceTypeDefinition type : document.getDefinitionsOfType(InterfaceTypeDefinition.class)) {
      Set<String> graphs = interfaceObjectGraphs(type);
      for (FieldDefinition field : graphs.isEmpty() ? List.<FieldDefinition>of() : type.getFieldDefinitions()) {
        List<Directive> joins = field.getDirectives("join__field");
        if (!joins.isEmpty() && joins.stream().allMatch(join -> graphs.contains(graph(join)))) {
          fields.add(field.getName());
        }
      }
    }
    return new InterfaceObjectTypename(fields);
  }

  Optional<String> explain(Map<String, Object> apollo, Map<String, Object> ours, String query) {
    if (interfaceObjectFields.isEmpty() || !ResponseComparison.errorKeys(apollo).equals(ResponseComparison.errorKeys(ours))) {
      return Optional.empty();
    }
    if (!lost(apollo.get("data"), ours.get("data")) || !hasTrigger(Parser.parse(query))) {
      return Optional.empty();
    }
    return Optional.of(REASON);
  }

  /** Whether {@code apollo} is {@code ours} with objects emptied of keys or nulled, and no value added or changed. */
  static boolean lost(Object apollo, Object ours) {
    if (apollo == null) {
      return ours == null || ours instanceof Map<?, ?>;
    }
    if (apollo instanceof List<?> a && ours instanceof List<?> o) {
      if (a.size() != o.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!lost(a.get(i), o.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (!(apollo instanceof Map<?, ?> a) || !(ours instanceof Map<?, ?> o)) {
      return !(apollo instanceof Map<?, ?>) && !(apollo instanceof List<?>) && Objects.equals(apollo, ours);
    }
    // key order aside: Apollo Gateway also moves keys (entities/response-key-order-with-conditional-repeat)
    if (!o.keySet().containsAll(a.keySet())) {
      return false;
    }
    return a.keySet().stream().allMatch(key -> lost(a.get(key), o.get(key)));
  }

  /** Whether the operation selects __typename and a field only an interface object's subgraph resolves. */
  private boolean hasTrigger(Document operation) {
    boolean typename = false;
    boolean served = false;
    Deque<Node<?>> pending = new ArrayDeque<>(List.of(operation));
    while (!pending.isEmpty()) {
      Node<?> node = pending.pop();
      if (node instanceof Field field) {
        typename |= field.getName().equals("__typename");
        served |= interfaceObjectFields.contains(field.getName());
      }
      node.getChildren().forEach(pending::push);
    }
    return typename && served;
  }

  private static Set<String> interfaceObjectGraphs(InterfaceTypeDefinition type) {
    Set<String> graphs = new HashSet<>();
    for (Directive join : type.getDirectives("join__type")) {
      if (join.getArgument("isInterfaceObject") != null
          && join.getArgument("isInterfaceObject").getValue() instanceof BooleanValue b && b.isValue()) {
        graphs.add(graph(join));
      }
    }
    return graphs;
  }

  private static String graph(Directive join) {
    return join.getArgument("graph") != null && join.getArgument("graph").getValue() instanceof EnumValue e
        ? e.getName()
        : "";
  }
}
