package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.Type;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Input types keep only the fields every defining subgraph accepts (the intersection); a field required in one
 * subgraph but missing in another is an error.
 */
final class InputMerge {

    private InputMerge() {
    }

    static InputObjectTypeDefinition merge(MergeContext context, String name, List<SubgraphType> sources) {
        TypeDirectives.checkHasBase(context, name, sources);
        List<Directive> directives = new ArrayList<>(TypeDirectives.joinTypes(context, name, sources));
        directives.addAll(AppliedDirectiveMerge.inaccessible(context, TypeDirectives.applied(sources)));
        Set<String> names = new LinkedHashSet<>();
        sources.stream().filter(s -> s != null).forEach(s -> s.inputFields().forEach(f -> names.add(f.name())));
        List<InputValueDefinition> fields = new ArrayList<>();
        for (String field : names) {
            InputValueDefinition merged = mergeField(context, name, field, sources);
            if (merged != null) {
                fields.add(merged);
            }
        }
        if (fields.isEmpty()) {
            context.error("EMPTY_MERGED_INPUT_TYPE", "None of the fields of input object type \"" + name + "\" are consistently defined "
                    + "in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result "
                    + "in an empty type.", context.namesWhere(sources), name, null);
        }
        directives.addAll(AppliedDirectiveMerge.others(context, TypeDirectives.applied(sources)));
        return InputObjectTypeDefinition.newInputObjectDefinition()
                .name(name)
                .description(TypeDirectives.description(sources))
                .directives(directives)
                .inputValueDefinitions(fields)
                .build();
    }

    private static InputValueDefinition mergeField(MergeContext context, String type, String field, List<SubgraphType> sources) {
        List<SubgraphInputValue> fieldSources = sources.stream().map(s -> s == null ? null : s.inputField(field).orElse(null)).toList();
        String coordinate = type + "." + field;
        List<List<Applied>> applied = fieldSources.stream().map(f -> f == null ? null : f.directives()).toList();
        List<Directive> directives = new ArrayList<>(AppliedDirectiveMerge.inaccessible(context, applied));
        boolean inaccessible = !directives.isEmpty();
        Type<?> mergedType = ArgumentMerge.inputType(context, fieldSources, coordinate, type, field, "field", "FIELD_TYPE_MISMATCH");
        boolean allEqual = fieldSources.stream().filter(f -> f != null).allMatch(f -> TypeRefs.same(f.type(), mergedType));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null && fieldSources.get(i) == null) {
                missing.add(context.name(i));
            }
        }
        if (!allEqual || !missing.isEmpty()) {
            for (int i = 0; i < fieldSources.size(); i++) {
                if (fieldSources.get(i) != null) {
                    directives.add(JoinSpec.joinField(new JoinSpec.JoinField(context.graph(i), null, null, null,
                            allEqual ? null : TypeRefs.print(fieldSources.get(i).type()), false, false, null)));
                }
            }
        }
        directives.addAll(AppliedDirectiveMerge.others(context, applied));
        var defaultValue = DefaultValueMerge.merge(context, fieldSources, "Input field", coordinate, type, field);
        if (!inaccessible && !missing.isEmpty()) {
            List<String> requiredIn = new ArrayList<>();
            for (int i = 0; i < fieldSources.size(); i++) {
                if (fieldSources.get(i) != null && fieldSources.get(i).required()) {
                    requiredIn.add(context.name(i));
                }
            }
            if (!requiredIn.isEmpty()) {
                context.error("REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH", "Input object field \"" + coordinate + "\" is required "
                        + "in some subgraphs but does not appear in all subgraphs: it is required in " + Names.subgraphs(requiredIn)
                        + " but does not appear in " + Names.subgraphs(missing), context.namesWhere(fieldSources), type, field);
            }
            return null;
        }
        String description = DescriptionMerge.merge(fieldSources.stream().map(f -> f == null ? null : f.description()).toList());
        return InputValueDefinition.newInputValueDefinition()
                .name(field)
                .description(description == null ? null : new Description(description, null, false))
                .type(mergedType)
                .defaultValue(defaultValue)
                .directives(directives)
                .build();
    }
}
