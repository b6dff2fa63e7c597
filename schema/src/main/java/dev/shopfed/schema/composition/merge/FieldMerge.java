package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.FieldDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges one field of an object or interface type: description, arguments, type, kept directives, and the
 * {@code @join__field}s that tell the gateway which subgraphs resolve it and how.
 */
final class FieldMerge {

    private final MergeContext context;
    private final String type;
    private final String field;
    private final List<SubgraphField> sources;
    private final boolean[] hasType;
    private final FieldOverrides overrides;

    /**
     * @param sources the field in each subgraph, null where absent
     * @param hasType whether each subgraph defines the parent type at all
     */
    FieldMerge(MergeContext context, String type, String field, List<SubgraphField> sources, boolean[] hasType, FieldOverrides overrides) {
        this.context = context;
        this.type = type;
        this.field = field;
        this.sources = sources;
        this.hasType = hasType;
        this.overrides = overrides;
    }

    private String coordinate() {
        return type + "." + field;
    }

    private boolean external(int index) {
        return context.isExternal(index, type, field);
    }

    /** @return the merged field, or null when no subgraph resolves it */
    FieldDefinition merge() {
        if (everySourceExternal()) {
            context.error("EXTERNAL_MISSING_ON_BASE", "Field \"" + coordinate() + "\" is marked @external on all the subgraphs in "
                    + "which it is listed (" + Names.subgraphs(context.namesWhere(sources)) + ").", context.namesWhere(sources), type, field);
            return null;
        }
        List<SubgraphField> resolving = withoutExternal();
        boolean anyResolving = resolving.stream().anyMatch(s -> s != null);
        List<Directive> directives = new ArrayList<>();
        List<Directive> kept = List.of();
        List<InputValueDefinition> arguments = List.of();
        String description = null;
        if (anyResolving) {
            description = DescriptionMerge.merge(resolving.stream().map(s -> s == null ? null : s.description()).toList());
            List<List<Applied>> applied = resolving.stream().map(s -> s == null ? null : s.directives()).toList();
            directives.addAll(AppliedDirectiveMerge.inaccessible(context, applied));
            kept = AppliedDirectiveMerge.others(context, applied);
            arguments = ArgumentMerge.merge(context, type, field, resolving);
        }
        TypeReferenceMerge.Merged mergedType = mergeType(anyResolving ? resolving : sources);
        if (sources.stream().anyMatch(s -> s != null) && hasExternal()) {
            validateExternals(mergedType, arguments);
        }
        directives.addAll(joinFields(mergedType.allEqual()));
        directives.addAll(kept);
        return FieldDefinition.newFieldDefinition()
                .name(field)
                .description(description == null ? null : new Description(description, null, false))
                .inputValueDefinitions(arguments)
                .type(mergedType.type())
                .directives(directives)
                .build();
    }

    private boolean everySourceExternal() {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null) {
                if (!external(i)) {
                    return false;
                }
                continue;
            }
            for (Coordinate abstracted : context.interfaceObjectFields(type, field, i)) {
                if (!context.subgraph(i).isExternal(abstracted)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean hasExternal() {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null && external(i)) {
                return true;
            }
        }
        return false;
    }

    private List<SubgraphField> withoutExternal() {
        List<SubgraphField> resolving = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SubgraphField source = sources.get(i);
            if (source == null || !external(i)) {
                resolving.add(source);
                continue;
            }
            resolving.add(null);
            // composed directives are left out: Apollo drops them from external fields without an error
            for (Applied directive : source.directives()) {
                if (context.isMergedDirective(directive.name())) {
                    context.error("MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL", "[" + context.name(i) + "] Cannot apply merged directive @"
                            + directive.name() + " to external field \"" + coordinate() + "\"", List.of(context.name(i)), type, field);
                }
            }
        }
        return resolving;
    }

    private TypeReferenceMerge.Merged mergeType(List<SubgraphField> basis) {
        TypeReferenceMerge.Merged merged = TypeReferenceMerge.merge(context,
                basis.stream().<Type<?>>map(s -> s == null ? null : s.type()).toList(), false);
        ArgumentMerge.recordEnumUsage(context, merged.type(), coordinate(), false);
        if (merged.incompatible()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (int i = 0; i < basis.size(); i++) {
                if (basis.get(i) != null) {
                    types.put(context.name(i), "type \"" + TypeRefs.print(basis.get(i).type()) + "\"");
                }
            }
            context.error("FIELD_TYPE_MISMATCH", "Type of field \"" + coordinate() + "\" is incompatible across subgraphs: it has "
                    + Names.distribution("type \"" + TypeRefs.print(merged.type()) + "\"", types), context.namesWhere(basis), type, field);
        }
        return merged;
    }

    private void validateExternals(TypeReferenceMerge.Merged merged, List<InputValueDefinition> arguments) {
        List<String> badType = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SubgraphField source = sources.get(i);
            if (source == null || !external(i)) {
                continue;
            }
            boolean compatible = TypeRefs.same(merged.type(), source.type())
                    || (!merged.allEqual() && TypeReferenceMerge.isStrictSubtype(context, merged.type(), source.type()));
            if (!compatible) {
                badType.add(context.name(i));
            }
            for (InputValueDefinition argument : arguments) {
                validateExternalArgument(i, source, argument);
            }
        }
        if (!badType.isEmpty()) {
            context.error("EXTERNAL_TYPE_MISMATCH", "Type of field \"" + coordinate() + "\" is incompatible across subgraphs "
                    + "(where marked @external): it has type \"" + TypeRefs.print(merged.type()) + "\" in the supergraph but a different "
                    + "type in " + Names.subgraphs(badType), badType, type, field);
        }
    }

    private void validateExternalArgument(int index, SubgraphField source, InputValueDefinition argument) {
        String argumentCoordinate = coordinate() + "(" + argument.getName() + ":)";
        SubgraphInputValue external = source.argument(argument.getName()).orElse(null);
        List<String> subgraph = List.of(context.name(index));
        if (external == null) {
            context.error("EXTERNAL_ARGUMENT_MISSING", "Field \"" + coordinate() + "\" is missing argument \"" + argumentCoordinate
                    + "\" in some subgraphs where it is marked @external: argument is not declared in " + Names.subgraphs(subgraph)
                    + " (where \"" + coordinate() + "\" is @external).", subgraph, type, field);
            return;
        }
        if (!TypeRefs.same(argument.getType(), external.type())
                && !TypeReferenceMerge.isStrictSubtype(context, external.type(), argument.getType())) {
            context.error("EXTERNAL_ARGUMENT_TYPE_MISMATCH", "Type of argument \"" + argumentCoordinate + "\" is incompatible across "
                    + "subgraphs (where \"" + coordinate() + "\" is marked @external): it has type \"" + TypeRefs.print(external.type())
                    + "\" in " + Names.subgraphs(subgraph), subgraph, type, field);
        }
        if (!DefaultValueMerge.same(argument.getDefaultValue(), external.defaultValue())) {
            context.error("EXTERNAL_ARGUMENT_DEFAULT_MISMATCH", "Argument \"" + argumentCoordinate + "\" has incompatible defaults "
                    + "across subgraphs (where \"" + coordinate() + "\" is marked @external) in " + Names.subgraphs(subgraph),
                    subgraph, type, field);
        }
    }

    private boolean needsJoinField(boolean allTypesEqual) {
        if (!allTypesEqual || overrides.shapesJoin()) {
            return true;
        }
        for (int i = 0; i < sources.size(); i++) {
            SubgraphField source = sources.get(i);
            if (source != null && !overrides.unusedOverridden(i)) {
                if (external(i) || source.has("provides") || source.has("requires")) {
                    return true;
                }
            } else if (hasType[i]) {
                return true;
            }
        }
        return false;
    }

    private List<Directive> joinFields(boolean allTypesEqual) {
        if (!needsJoinField(allTypesEqual)) {
            return List.of();
        }
        List<Directive> joins = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            SubgraphField source = sources.get(i);
            if (source == null || (overrides.unusedOverridden(i) && overrides.label(i) == null)) {
                continue;
            }
            joins.add(JoinSpec.joinField(new JoinSpec.JoinField(
                    context.graph(i),
                    source.directive("requires").map(d -> d.stringArgument("fields")).orElse(null),
                    source.directive("provides").map(d -> d.stringArgument("fields")).orElse(null),
                    source.directive("override").map(d -> d.stringArgument("from")).orElse(null),
                    allTypesEqual ? null : TypeRefs.print(source.type()),
                    external(i),
                    overrides.usedOverridden(i),
                    overrides.label(i))));
        }
        return joins;
    }
}
