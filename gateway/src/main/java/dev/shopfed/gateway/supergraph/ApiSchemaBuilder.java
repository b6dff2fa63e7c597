package dev.shopfed.gateway.supergraph;

import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the API schema from a supergraph document: what clients see and introspect, without the link and join
 * machinery and without {@code @inaccessible} elements.
 */
final class ApiSchemaBuilder {

  private final LinkedSpecs specs;
  private final String inaccessible;
  private final Set<String> removedTypes = new HashSet<>();

  private ApiSchemaBuilder(LinkedSpecs specs) {
    this.specs = specs;
    this.inaccessible = specs.links("inaccessible") ? specs.name("inaccessible", null) : null;
  }

  static GraphQLSchema build(Document supergraph, LinkedSpecs specs) {
    return new ApiSchemaBuilder(specs).build(supergraph);
  }

  /** Directives the API schema defines (those of Apollo's linked specs excepted). */
  static java.util.Set<String> directiveNames(Document supergraph, LinkedSpecs specs) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (DirectiveDefinition d : supergraph.getDefinitionsOfType(DirectiveDefinition.class)) {
      if (!specs.isMachinery(d.getName())) {
        names.add(d.getName());
      }
    }
    return names;
  }

  /** Names of the API schema's own types in the order the supergraph defines them. */
  static List<String> typeOrder(Document supergraph, LinkedSpecs specs) {
    ApiSchemaBuilder builder = new ApiSchemaBuilder(specs);
    List<String> names = new ArrayList<>();
    for (Definition<?> d : supergraph.getDefinitions()) {
      if (d instanceof TypeDefinition<?> t && !specs.isMachinery(t.getName()) && !builder.isInaccessible(t)
          && !names.contains(t.getName())) {
        names.add(t.getName());
      }
    }
    return names;
  }

  private GraphQLSchema build(Document supergraph) {
    for (Definition<?> d : supergraph.getDefinitions()) {
      if (d instanceof TypeDefinition<?> t && (specs.isMachinery(t.getName()) || isInaccessible(t))) {
        removedTypes.add(t.getName());
      }
    }
    List<Definition> kept = new ArrayList<>();
    for (Definition<?> d : supergraph.getDefinitions()) {
      Definition<?> clean = clean(d);
      if (clean != null) {
        kept.add(clean);
      }
    }
    TypeDefinitionRegistry registry = new SchemaParser().buildRegistry(Document.newDocument().definitions(kept).build());
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new ApiSchemaWiring()).build();
    try {
      return withDefer(new SchemaGenerator().makeExecutableSchema(registry, wiring));
    } catch (RuntimeException e) {
      throw new SupergraphException("the API schema derived from the supergraph is invalid: " + e.getMessage(), e);
    }
  }

  /** Clients may send {@code @defer}: the gateway delivers it incrementally (or inline, as the spec allows). */
  private static GraphQLSchema withDefer(GraphQLSchema schema) {
    if (schema.getDirective(graphql.Directives.DeferDirective.getName()) != null) {
      return schema;
    }
    return schema.transform(b -> b.additionalDirective(graphql.Directives.DeferDirective));
  }

  private Definition<?> clean(Definition<?> d) {
    if (d instanceof DirectiveDefinition dd) {
      return specs.isMachinery(dd.getName()) ? null : dd;
    }
    if (d instanceof SchemaDefinition s) {
      return s.transform(b -> b.directives(List.of()));
    }
    if (d instanceof TypeDefinition<?> t && removedTypes.contains(t.getName())) {
      return null;
    }
    if (d instanceof ObjectTypeDefinition o) {
      return o.transform(b -> b.directives(apiDirectives(o)).fieldDefinitions(fields(o.getFieldDefinitions()))
          .implementz(keptTypes(o.getImplements())));
    }
    if (d instanceof InterfaceTypeDefinition i) {
      return i.transform(b -> b.directives(apiDirectives(i)).definitions(fields(i.getFieldDefinitions()))
          .implementz(keptTypes(i.getImplements())));
    }
    if (d instanceof UnionTypeDefinition u) {
      return u.transform(b -> b.directives(apiDirectives(u)).memberTypes(keptTypes(u.getMemberTypes())));
    }
    if (d instanceof EnumTypeDefinition e) {
      return e.transform(b -> b.directives(apiDirectives(e)).enumValueDefinitions(enumValues(e)));
    }
    if (d instanceof InputObjectTypeDefinition in) {
      return in.transform(b -> b.directives(apiDirectives(in)).inputValueDefinitions(inputValues(in.getInputValueDefinitions())));
    }
    if (d instanceof ScalarTypeDefinition s) {
      return s.transform(b -> b.directives(apiDirectives(s)));
    }
    return d;
  }

  private List<FieldDefinition> fields(List<FieldDefinition> fields) {
    List<FieldDefinition> kept = new ArrayList<>();
    for (FieldDefinition f : fields) {
      if (isInaccessible(f) || removedTypes.contains(SupergraphParser.namedType(f.getType()))) {
        continue;
      }
      kept.add(f.transform(b -> b.directives(apiDirectives(f)).inputValueDefinitions(inputValues(f.getInputValueDefinitions()))));
    }
    return kept;
  }

  private List<InputValueDefinition> inputValues(List<InputValueDefinition> values) {
    List<InputValueDefinition> kept = new ArrayList<>();
    for (InputValueDefinition v : values) {
      if (!isInaccessible(v) && !removedTypes.contains(SupergraphParser.namedType(v.getType()))) {
        kept.add(v.transform(b -> b.directives(apiDirectives(v))));
      }
    }
    return kept;
  }

  private List<EnumValueDefinition> enumValues(EnumTypeDefinition e) {
    List<EnumValueDefinition> kept = new ArrayList<>();
    for (EnumValueDefinition v : e.getEnumValueDefinitions()) {
      if (!isInaccessible(v)) {
        kept.add(v.transform(b -> b.directives(apiDirectives(v))));
      }
    }
    return kept;
  }

  @SuppressWarnings("rawtypes")
  private List<Type> keptTypes(List<Type> types) {
    return types.stream().filter(t -> !removedTypes.contains(((TypeName) t).getName())).toList();
  }

  private List<Directive> apiDirectives(DirectivesContainer<?> node) {
    return node.getDirectives().stream().filter(d -> !specs.isMachinery(d.getName())).toList();
  }

  private boolean isInaccessible(DirectivesContainer<?> node) {
    return inaccessible != null && node.hasDirective(inaccessible);
  }
}
