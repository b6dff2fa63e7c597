package dev.shopfed.gateway.supergraph;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.TypeDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Collects the applications of linked specs' directives other than the federation machinery itself. */
final class SpecDirectives {

  private static final Set<String> MACHINERY = Set.of("join", "link", "core");

  private final LinkedSpecs specs;
  private final List<SpecDirective> found = new ArrayList<>();

  private SpecDirectives(LinkedSpecs specs) {
    this.specs = specs;
  }

  static List<SpecDirective> collect(Document document, LinkedSpecs specs) {
    SpecDirectives collector = new SpecDirectives(specs);
    for (TypeDefinition<?> type : document.getDefinitionsOfType(TypeDefinition.class)) {
      if (!specs.isMachinery(type.getName())) {
        collector.type(type);
      }
    }
    return List.copyOf(collector.found);
  }

  private void type(TypeDefinition<?> type) {
    add(type.getName(), type.getDirectives());
    if (type instanceof ImplementingTypeDefinition<?> composite) {
      for (FieldDefinition field : composite.getFieldDefinitions()) {
        String coordinate = type.getName() + "." + field.getName();
        add(coordinate, field.getDirectives());
        field.getInputValueDefinitions()
            .forEach(a -> add(coordinate + "(" + a.getName() + ":)", a.getDirectives()));
      }
    }
    if (type instanceof InputObjectTypeDefinition input) {
      for (InputValueDefinition field : input.getInputValueDefinitions()) {
        add(type.getName() + "." + field.getName(), field.getDirectives());
      }
    }
  }

  private void add(String coordinate, List<Directive> directives) {
    for (Directive d : directives) {
      LinkedSpecs.SpecElement element = specs.elementOf(d.getName());
      if (element != null && !MACHINERY.contains(element.spec())) {
        found.add(new SpecDirective(element.spec(), element.element(), coordinate, d));
      }
    }
  }
}
