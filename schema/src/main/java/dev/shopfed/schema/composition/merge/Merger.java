package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import graphql.language.Definition;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges validated subgraphs into a supergraph document in Apollo's join-spec form. Types merge kind by kind
 * (enums last, once every field has told how it uses them); errors are collected, never thrown.
 */
public final class Merger {

    /** The supergraph, or null with the errors. */
    public record Result(Document supergraph, List<CompositionError> errors) {
    }

    private static final List<TypeKind> ORDER = List.of(TypeKind.UNION, TypeKind.SCALAR, TypeKind.INPUT_OBJECT,
            TypeKind.INTERFACE, TypeKind.OBJECT, TypeKind.ENUM);

    private final MergeContext context;

    private Merger(List<Subgraph> subgraphs) {
        this.context = new MergeContext(subgraphs);
    }

    public static Result merge(List<Subgraph> subgraphs) {
        return new Merger(subgraphs).merge();
    }

    private Result merge() {
        collectKinds();
        collectRelations();
        context.composed = ComposedDirectives.collect(context);
        context.cost = CostSpec.collect(context);
        if (!context.errors.isEmpty()) {
            return new Result(null, context.errors);
        }
        Map<String, TypeDefinition<?>> types = new LinkedHashMap<>();
        for (TypeKind kind : ORDER) {
            context.kinds.forEach((name, typeKind) -> {
                if (typeKind == kind) {
                    TypeDefinition<?> merged = mergeType(name, kind);
                    if (merged != null) {
                        types.put(name, merged);
                    }
                }
            });
        }
        InterfaceObjectFields.addToImplementations(context, types);
        if (!types.containsKey("Query")) {
            context.error("NO_QUERIES", "No queries found in any subgraph: a supergraph must have a query root type.", null, null);
        }
        if (!context.errors.isEmpty()) {
            return new Result(null, context.errors);
        }
        Document document = assemble(types, context.composed);
        List<CompositionError> errors = PostMergeValidation.validate(context, document);
        return errors.isEmpty() ? new Result(document, List.of()) : new Result(null, errors);
    }

    private void collectKinds() {
        Set<String> mismatched = new LinkedHashSet<>();
        for (Subgraph subgraph : context.subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                TypeKind kind = subgraph.mergedKind(type.name()).orElseThrow();
                TypeKind previous = context.kinds.putIfAbsent(type.name(), kind);
                if (previous != null && previous != kind) {
                    mismatched.add(type.name());
                }
            }
        }
        for (String name : mismatched) {
            Map<String, String> kinds = new LinkedHashMap<>();
            for (Subgraph subgraph : context.subgraphs) {
                subgraph.type(name).ifPresent(t -> kinds.put(subgraph.name(), subgraph.isInterfaceObject(name)
                        ? "Interface Object Type (Object Type with @interfaceObject)" : t.kind().display()));
            }
            context.error("TYPE_KIND_MISMATCH", "Type \"" + name + "\" has mismatched kind: it is defined as "
                    + Names.distribution(context.kinds.get(name).display(), kinds), new ArrayList<>(kinds.keySet()), name, null);
        }
        for (String name : context.kinds.keySet()) {
            boolean someInterfaceObject = context.subgraphs.stream().anyMatch(s -> s.isInterfaceObject(name));
            boolean someInterface = context.subgraphs.stream().anyMatch(s -> s.type(name).map(t -> t.kind() == TypeKind.INTERFACE).orElse(false));
            if (someInterfaceObject && !someInterface && !mismatched.contains(name)) {
                List<String> defining = context.subgraphs.stream().filter(s -> s.type(name).isPresent()).map(Subgraph::name).toList();
                context.error("INTERFACE_OBJECT_USAGE_ERROR", "Type \"" + name + "\" is declared with @interfaceObject in all the subgraphs "
                        + "in which it is defined (it is defined in " + Names.subgraphs(defining) + " but should be defined as an "
                        + "interface in at least one subgraph)", defining, name, null);
            }
        }
    }

    private void collectRelations() {
        for (Subgraph subgraph : context.subgraphs) {
            for (SubgraphType type : subgraph.types().values()) {
                if (subgraph.mergedKind(type.name()).orElseThrow() != context.kinds.get(type.name())) {
                    continue;
                }
                type.interfaces().forEach(i -> context.implementations.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(type.name()));
                type.members().forEach(m -> context.unionMembers.computeIfAbsent(type.name(), k -> new LinkedHashSet<>()).add(m));
            }
        }
    }

    private List<SubgraphType> sources(String name, TypeKind kind) {
        List<SubgraphType> sources = new ArrayList<>();
        for (Subgraph subgraph : context.subgraphs) {
            boolean matches = subgraph.mergedKind(name).map(k -> k == kind).orElse(false);
            sources.add(matches ? subgraph.type(name).orElseThrow() : null);
        }
        return sources;
    }

    private TypeDefinition<?> mergeType(String name, TypeKind kind) {
        List<SubgraphType> sources = sources(name, kind);
        return switch (kind) {
            case OBJECT, INTERFACE -> new FieldBasedTypeMerge(context, name, kind, sources).merge();
            case UNION -> UnionMerge.merge(context, name, sources);
            case ENUM -> EnumMerge.merge(context, name, sources);
            case INPUT_OBJECT -> InputMerge.merge(context, name, sources);
            case SCALAR -> ScalarMerge.merge(context, name, sources);
        };
    }

    private Document assemble(Map<String, TypeDefinition<?>> types, ComposedDirectives composed) {
        int federationMinor = context.subgraphs.stream().mapToInt(Subgraph::federationMinor).max().orElse(0);
        JoinSpec join = JoinSpec.forFederationMinor(federationMinor);
        List<Directive> onSchema = new ArrayList<>();
        onSchema.add(JoinSpec.link(JoinSpec.LINK_URL, null));
        onSchema.add(JoinSpec.link(join.url(), "EXECUTION"));
        List<Definition> definitions = new ArrayList<>(join.definitions());
        for (String spec : usedSecuritySpecs()) {
            if (spec.equals("tag")) {
                onSchema.add(JoinSpec.link(JoinSpec.TAG_URL, null));
                definitions.add(JoinSpec.parseDefinition(JoinSpec.TAG_DEFINITION));
            } else if (spec.equals("inaccessible")) {
                onSchema.add(JoinSpec.link(JoinSpec.INACCESSIBLE_URL, "SECURITY"));
                definitions.add(JoinSpec.parseDefinition(JoinSpec.INACCESSIBLE_DEFINITION));
            } else if (AuthorizationSpecs.DIRECTIVES.contains(spec)) {
                onSchema.add(AuthorizationSpecs.link(spec));
                definitions.addAll(AuthorizationSpecs.definitions(spec));
            } else {
                onSchema.add(context.cost.link());
                definitions.addAll(context.cost.definitions());
            }
        }
        onSchema.addAll(composed.links());
        // after the links, the composed directives some subgraph applies to its schema
        onSchema.addAll(AppliedDirectiveMerge.others(context, context.subgraphs.stream().map(Subgraph::schemaDirectives).toList()));
        definitions.addAll(composed.definitions().values().stream().map(d -> (Definition) d.transform(b -> b.sourceLocation(null))).toList());
        definitions.addAll(ExecutableDirectives.merge(context));
        definitions.add(graphEnum());
        List<OperationTypeDefinition> roots = new ArrayList<>();
        for (String operation : List.of("query", "mutation", "subscription")) {
            String typeName = Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
            if (types.get(typeName) instanceof ObjectTypeDefinition) {
                roots.add(OperationTypeDefinition.newOperationTypeDefinition().name(operation)
                        .typeName(TypeName.newTypeName(typeName).build()).build());
            }
        }
        definitions.add(0, SchemaDefinition.newSchemaDefinition().directives(onSchema).operationTypeDefinitions(roots).build());
        definitions.addAll(types.values());
        return Document.newDocument().definitions(definitions).build();
    }

    /**
     * {@code tag}, {@code inaccessible}, the authorization specs and {@code cost} in the order subgraphs first use them (within a subgraph in
     * the order the federation spec defines their directives), as Apollo links them.
     */
    private List<String> usedSecuritySpecs() {
        Set<String> used = new LinkedHashSet<>();
        for (Subgraph subgraph : context.subgraphs) {
            Set<String> inSubgraph = new HashSet<>();
            collectApplied(subgraph, inSubgraph);
            if (context.cost.usedIn(subgraph)) {
                inSubgraph.add("cost");
            }
            for (String spec : List.of("tag", "inaccessible", "authenticated", "requiresScopes", "policy", "cost")) {
                if (inSubgraph.contains(spec)) {
                    used.add(spec);
                }
            }
        }
        return new ArrayList<>(used);
    }

    private static void collectApplied(Subgraph subgraph, Set<String> names) {
        subgraph.schemaDirectives().forEach(d -> names.add(d.name()));
        for (SubgraphType type : subgraph.types().values()) {
            type.directives().forEach(d -> names.add(d.name()));
            type.fields().forEach(f -> {
                f.directives().forEach(d -> names.add(d.name()));
                f.arguments().forEach(a -> a.directives().forEach(d -> names.add(d.name())));
            });
            type.inputFields().forEach(f -> f.directives().forEach(d -> names.add(d.name())));
            type.values().forEach(v -> v.directives().stream().map(Applied::name).forEach(names::add));
        }
    }

    private EnumTypeDefinition graphEnum() {
        List<EnumValueDefinition> values = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            values.add(EnumValueDefinition.newEnumValueDefinition().name(context.graph(i))
                    .directives(List.of(JoinSpec.joinGraph(context.name(i), context.subgraph(i).url()))).build());
        }
        return EnumTypeDefinition.newEnumTypeDefinition().name("join__Graph").enumValueDefinitions(values).build();
    }
}
