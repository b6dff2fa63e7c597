package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Key;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges object and interface types: implemented interfaces, join directives and every field. */
final class FieldBasedTypeMerge {

    private final MergeContext context;
    private final String name;
    private final TypeKind kind;
    private final List<SubgraphType> sources;

    FieldBasedTypeMerge(MergeContext context, String name, TypeKind kind, List<SubgraphType> sources) {
        this.context = context;
        this.name = name;
        this.kind = kind;
        this.sources = sources;
    }

    /** @return the merged type, or null for an object type left without fields */
    TypeDefinition<?> merge() {
        TypeDirectives.checkHasBase(context, name, sources);
        List<Directive> directives = new ArrayList<>();
        Set<String> interfaces = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            SubgraphType source = sources.get(i);
            if (source == null || context.subgraph(i).isInterfaceObject(name)) {
                continue;
            }
            for (String itf : source.interfaces()) {
                interfaces.add(itf);
                directives.add(JoinSpec.joinImplements(context.graph(i), itf));
            }
        }
        directives.addAll(TypeDirectives.joinTypes(context, name, sources));
        directives.addAll(AppliedDirectiveMerge.inaccessible(context, TypeDirectives.applied(sources)));
        if (kind == TypeKind.INTERFACE) {
            validateInterfaceKeys();
            validateInterfaceObjects();
        }
        List<FieldDefinition> fields = mergeFields();
        if (fields.isEmpty() && kind == TypeKind.OBJECT) {
            return null;
        }
        directives.addAll(AppliedDirectiveMerge.others(context, TypeDirectives.applied(sources)));
        List<Type> implemented = interfaces.stream().map(i -> (Type) TypeName.newTypeName(i).build()).toList();
        if (kind == TypeKind.INTERFACE) {
            return InterfaceTypeDefinition.newInterfaceTypeDefinition().name(name).description(TypeDirectives.description(sources))
                    .implementz(implemented).directives(directives).definitions(fields).build();
        }
        return ObjectTypeDefinition.newObjectTypeDefinition().name(name).description(TypeDirectives.description(sources))
                .implementz(implemented).directives(directives).fieldDefinitions(fields).build();
    }

    private List<FieldDefinition> mergeFields() {
        Map<String, List<SubgraphField>> byName = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            SubgraphType source = sources.get(i);
            if (source == null) {
                continue;
            }
            for (SubgraphField field : source.fields()) {
                byName.computeIfAbsent(field.name(), n -> nulls()).set(i, field);
            }
        }
        boolean[] hasType = new boolean[context.size()];
        for (int i = 0; i < context.size(); i++) {
            hasType[i] = context.subgraph(i).type(name).isPresent();
        }
        List<FieldDefinition> merged = new ArrayList<>();
        byName.forEach((fieldName, fieldSources) -> {
            FieldOverrides overrides = FieldOverrides.resolve(context, name, fieldName, fieldSources);
            FieldDefinition field = new FieldMerge(context, name, fieldName, fieldSources, hasType, overrides).merge();
            if (kind == TypeKind.OBJECT) {
                FieldSharing.validate(context, name, fieldName, fieldSources, overrides);
            }
            if (name.equals("Subscription")) {
                validateSubscriptionField(fieldName, fieldSources);
            }
            if (field != null) {
                merged.add(field);
            }
        });
        return merged;
    }

    /** Each subscription event must come from one subgraph only. */
    private void validateSubscriptionField(String fieldName, List<SubgraphField> fieldSources) {
        List<String> shareable = new ArrayList<>();
        for (int i = 0; i < fieldSources.size(); i++) {
            if (fieldSources.get(i) != null && fieldSources.get(i).has("shareable")) {
                shareable.add(context.name(i));
            }
        }
        if (!shareable.isEmpty()) {
            context.error("INVALID_FIELD_SHARING", "Fields on root level subscription object cannot be marked as shareable",
                    shareable, name, fieldName);
        }
    }

    private List<SubgraphField> nulls() {
        List<SubgraphField> list = new ArrayList<>();
        for (int i = 0; i < context.size(); i++) {
            list.add(null);
        }
        return list;
    }

    /** A subgraph with a resolvable key on an interface must know every implementation of it. */
    private void validateInterfaceKeys() {
        Set<String> implementations = context.implementations.getOrDefault(name, Set.of());
        for (int i = 0; i < sources.size(); i++) {
            Subgraph subgraph = context.subgraph(i);
            if (sources.get(i) == null || sources.get(i).kind() != TypeKind.INTERFACE) {
                continue;
            }
            Key resolvable = subgraph.keys(name).stream().filter(Key::isResolvable).findFirst().orElse(null);
            if (resolvable == null) {
                continue;
            }
            List<String> local = subgraph.implementations(name);
            List<String> missing = implementations.stream()
                    .filter(t -> context.kinds.get(t) == TypeKind.OBJECT && !local.contains(t))
                    .map(t -> "\"" + t + "\"")
                    .toList();
            if (!missing.isEmpty()) {
                context.error("INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE", "[" + subgraph.name() + "] Interface type \"" + name
                        + "\" has a resolvable key (@key(fields: \"" + resolvable.fields() + "\")) in subgraph \"" + subgraph.name()
                        + "\" but that subgraph is missing some of the supergraph implementation types of \"" + name + "\". Subgraph \""
                        + subgraph.name() + "\" should define " + (missing.size() == 1 ? "type " : "types ") + String.join(", ", missing)
                        + " (and have " + (missing.size() > 1 ? "them" : "it") + " implement \"" + name + "\").",
                        List.of(subgraph.name()), name, null);
            }
        }
    }

    /** A subgraph using {@code @interfaceObject} must not define the interface's implementations. */
    private void validateInterfaceObjects() {
        Set<String> implementations = context.implementations.getOrDefault(name, Set.of());
        for (int i = 0; i < sources.size(); i++) {
            Subgraph subgraph = context.subgraph(i);
            if (sources.get(i) == null || !subgraph.isInterfaceObject(name)) {
                continue;
            }
            List<String> defined = implementations.stream().filter(t -> subgraph.type(t).isPresent()).map(t -> "\"" + t + "\"").toList();
            if (!defined.isEmpty()) {
                context.error("INTERFACE_OBJECT_USAGE_ERROR", "[" + subgraph.name() + "] Interface type \"" + name + "\" is defined as an "
                        + "@interfaceObject in subgraph \"" + subgraph.name() + "\" so that subgraph should not define any of the "
                        + "implementation types of \"" + name + "\", but it defines " + (defined.size() == 1 ? "type " : "types ")
                        + String.join(", ", defined), List.of(subgraph.name()), name, null);
            }
        }
    }
}
