package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.planning.RepresentationShape.FieldShape;
import dev.shopfed.gateway.planning.RepresentationShape.SelectionShape;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints a plan in the style of Apollo's {@code QueryPlan { ... }} output, for people reading it. */
final class PlanPrinter {

  private final StringBuilder out = new StringBuilder();

  private PlanPrinter() {}

  static String print(PlanNode root) {
    PlanPrinter printer = new PlanPrinter();
    printer.out.append("QueryPlan {\n");
    if (root != null) {
      printer.node(root, 1);
    }
    return printer.out.append("}").toString();
  }

  private void node(PlanNode node, int depth) {
    if (node instanceof PlanNode.Fetch fetch) {
      fetch(fetch, depth);
    } else if (node instanceof PlanNode.Flatten flatten) {
      line(depth, "Flatten(path: \"" + String.join(".", flatten.path()) + "\") {");
      fetch(flatten.fetch(), depth + 1);
      line(depth, "},");
    } else if (node instanceof PlanNode.BatchFetch batch) {
      batch(batch, depth);
    } else if (node instanceof PlanNode.Sequence sequence) {
      block("Sequence", sequence.nodes(), depth);
    } else if (node instanceof PlanNode.Parallel parallel) {
      block("Parallel", parallel.nodes(), depth);
    }
  }

  private void block(String name, List<PlanNode> nodes, int depth) {
    line(depth, name + " {");
    nodes.forEach(n -> node(n, depth + 1));
    line(depth, "},");
  }

  private void fetch(PlanNode.Fetch fetch, int depth) {
    line(depth, "Fetch(service: \"" + fetch.serviceName() + "\") {");
    SelectionSet selection = operation(fetch.operation()).getSelectionSet();
    if (fetch.isEntityFetch()) {
      entities(fetch.representations(), (Field) selection.getSelections().get(0), depth + 1);
    } else {
      indented(AstPrinter.printAst(selection).strip(), depth + 1);
    }
    line(depth, "},");
  }

  private void batch(PlanNode.BatchFetch batch, int depth) {
    line(depth, "BatchFetch(service: \"" + batch.serviceName() + "\") {");
    List<Selection> fields = operation(batch.operation()).getSelectionSet().getSelections();
    for (int i = 0; i < batch.parts().size(); i++) {
      PlanNode.BatchFetch.Part part = batch.parts().get(i);
      String paths = part.paths().stream().map(p -> "\"" + String.join(".", p) + "\"").collect(Collectors.joining(", "));
      line(depth + 1, part.alias() + ": Flatten(paths: [" + paths + "]) {");
      entities(part.representations(), (Field) fields.get(i), depth + 2);
      line(depth + 1, "},");
    }
    line(depth, "},");
  }

  /** An entity fetch as its representations, then what it selects on them. */
  private void entities(List<RepresentationShape> representations, Field entities, int depth) {
    StringBuilder inputs = new StringBuilder("{\n");
    for (RepresentationShape r : representations) {
      inputs.append("  ... on ").append(r.typename()).append(" {\n");
      shape(inputs, r.fields(), 2);
      inputs.append("  }\n");
    }
    indented(inputs.append("} =>").toString(), depth);
    indented(AstPrinter.printAst(entities.getSelectionSet()).strip(), depth);
  }

  private static OperationDefinition operation(String text) {
    return (OperationDefinition) Parser.parse(text).getDefinitions().get(0);
  }

  private static void shape(StringBuilder out, SelectionShape shape, int depth) {
    for (FieldShape f : shape.fields()) {
      out.append("  ".repeat(depth)).append(f.name());
      if (f.children() != null) {
        out.append(" {\n");
        shape(out, f.children(), depth + 1);
        out.append("  ".repeat(depth)).append("}");
      }
      out.append('\n');
    }
    for (Map.Entry<String, SelectionShape> fragment : shape.fragments().entrySet()) {
      out.append("  ".repeat(depth)).append("... on ").append(fragment.getKey()).append(" {\n");
      shape(out, fragment.getValue(), depth + 1);
      out.append("  ".repeat(depth)).append("}\n");
    }
  }

  private void indented(String text, int depth) {
    for (String l : text.split("\n")) {
      line(depth, l);
    }
  }

  private void line(int depth, String text) {
    out.append("  ".repeat(depth)).append(text).append('\n');
  }
}
