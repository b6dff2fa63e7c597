package dev.shopfed.gateway.planning;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.AstPrinter;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prints the operation text a fetch group sends to its subgraph, compact, with only the variables it uses. */
final class SubgraphOperationPrinter {

  private SubgraphOperationPrinter() {}

  static String print(String keyword, String name, SubgraphSelection selection, boolean entities,
      List<String> variables, Map<String, VariableDefinition> definitions) {
    StringBuilder out = new StringBuilder();
    boolean header = name != null || entities || !variables.isEmpty() || !keyword.equals("query");
    if (header) {
      out.append(keyword);
      if (name != null) {
        out.append(' ').append(name);
      }
      printVariables(out, entities ? List.of("representations") : List.of(), variables, definitions);
    }
    if (entities) {
      out.append("{_entities(representations:$representations)");
      printSelection(out, selection);
      return out.append('}').toString();
    }
    printSelection(out, selection);
    return out.toString();
  }

  /** One aliased {@code _entities} field of a batch, with its own representations variable. */
  record BatchedEntities(String alias, String variable, SubgraphSelection selection) {}

  /** The operation of several entity fetches to one subgraph sent together. */
  static String printBatch(String name, List<BatchedEntities> parts, List<String> variables,
      Map<String, VariableDefinition> definitions) {
    StringBuilder out = new StringBuilder("query");
    if (name != null) {
      out.append(' ').append(name);
    }
    printVariables(out, parts.stream().map(BatchedEntities::variable).toList(), variables, definitions);
    out.append('{');
    String separator = "";
    for (BatchedEntities part : parts) {
      out.append(separator).append(part.alias()).append(":_entities(representations:$").append(part.variable())
          .append(')');
      printSelection(out, part.selection());
      separator = " ";
    }
    return out.append('}').toString();
  }

  private static void printVariables(StringBuilder out, List<String> representations, List<String> variables,
      Map<String, VariableDefinition> definitions) {
    if (representations.isEmpty() && variables.isEmpty()) {
      return;
    }
    out.append('(');
    String separator = "";
    for (String r : representations) {
      out.append(separator).append('$').append(r).append(":[_Any!]!");
      separator = ",";
    }
    for (String v : variables) {
      VariableDefinition d = definitions.get(v);
      out.append(separator).append('$').append(v).append(':').append(AstPrinter.printAstCompact(d.getType()));
      if (d.getDefaultValue() != null) {
        out.append('=').append(AstPrinter.printAstCompact(d.getDefaultValue()));
      }
      separator = ",";
    }
    out.append(')');
  }

  static void printSelection(StringBuilder out, SubgraphSelection selection) {
    out.append('{');
    String separator = "";
    for (SubgraphSelection.FieldSelection f : selection.fields()) {
      out.append(separator);
      if (!f.sentKey().equals(f.name)) {
        out.append(f.sentKey()).append(':');
      }
      out.append(f.name).append(ArgumentsText.print(f.arguments));
      if (f.children != null && f.children.isEmpty()) {
        out.append("{__typename}"); // the client asked only for __typename, which the gateway answers itself
      } else if (f.children != null) {
        printSelection(out, f.children);
      }
      separator = " ";
    }
    for (Map.Entry<String, SubgraphSelection> fragment : selection.fragments().entrySet()) {
      if (fragment.getValue().isEmpty()) {
        continue;
      }
      out.append(separator).append("...on ").append(fragment.getKey());
      printSelection(out, fragment.getValue());
      separator = " ";
    }
    out.append('}');
  }

  /** Client variables referenced anywhere in the selection, in first-use order. */
  static List<String> variables(SubgraphSelection selection) {
    Set<String> names = new LinkedHashSet<>();
    collect(selection, names);
    return List.copyOf(names);
  }

  private static void collect(SubgraphSelection selection, Set<String> names) {
    for (SubgraphSelection.FieldSelection f : selection.fields()) {
      for (Argument a : f.arguments) {
        collect(a.getValue(), names);
      }
      if (f.children != null) {
        collect(f.children, names);
      }
    }
    selection.fragments().values().forEach(s -> collect(s, names));
  }

  private static void collect(Value<?> value, Set<String> names) {
    if (value instanceof VariableReference v) {
      names.add(v.getName());
    }
    if (value instanceof ArrayValue a) {
      a.getValues().forEach(v -> collect(v, names));
    }
    if (value instanceof ObjectValue o) {
      for (ObjectField f : o.getObjectFields()) {
        collect(f.getValue(), names);
      }
    }
  }
}
