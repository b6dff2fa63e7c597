package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.SubgraphEnumValue;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Enum values merge by how the enum is used: an output-only enum gets every value (clients must expect any),
 * an input-only enum only the values all subgraphs accept, an enum used both ways must agree everywhere.
 * Runs after all fields so the usage is known; an unused enum merges like an output enum.
 */
final class EnumMerge {

    private EnumMerge() {
    }

    static EnumTypeDefinition merge(MergeContext context, String name, List<SubgraphType> sources) {
        TypeDirectives.checkHasBase(context, name, sources);
        EnumUsage usage = context.enumUsages.getOrDefault(name, new EnumUsage(null, null));
        List<Directive> directives = new ArrayList<>(TypeDirectives.joinTypes(context, name, sources));
        directives.addAll(AppliedDirectiveMerge.inaccessible(context, TypeDirectives.applied(sources)));
        Set<String> names = new LinkedHashSet<>();
        sources.stream().filter(s -> s != null).forEach(s -> s.values().forEach(v -> names.add(v.name())));
        List<EnumValueDefinition> values = new ArrayList<>();
        for (String value : names) {
            EnumValueDefinition merged = mergeValue(context, name, value, sources, usage);
            if (merged != null) {
                values.add(merged);
            }
        }
        if (values.isEmpty()) {
            context.error("EMPTY_MERGED_ENUM_TYPE", "None of the values of enum type \"" + name + "\" are defined consistently in all "
                    + "the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an "
                    + "empty type.", context.namesWhere(sources), name, null);
        }
        directives.addAll(AppliedDirectiveMerge.others(context, TypeDirectives.applied(sources)));
        return EnumTypeDefinition.newEnumTypeDefinition()
                .name(name)
                .description(TypeDirectives.description(sources))
                .directives(directives)
                .enumValueDefinitions(values)
                .build();
    }

    private static EnumValueDefinition mergeValue(MergeContext context, String name, String value, List<SubgraphType> sources,
                                                  EnumUsage usage) {
        List<SubgraphEnumValue> valueSources = sources.stream().map(s -> s == null ? null : s.value(value).orElse(null)).toList();
        List<List<Applied>> applied = valueSources.stream().map(v -> v == null ? null : v.directives()).toList();
        List<Directive> directives = new ArrayList<>(AppliedDirectiveMerge.inaccessible(context, applied));
        boolean inaccessible = !directives.isEmpty();
        for (int i = 0; i < valueSources.size(); i++) {
            if (valueSources.get(i) != null) {
                directives.add(JoinSpec.joinEnumValue(context.graph(i)));
            }
        }
        directives.addAll(AppliedDirectiveMerge.others(context, applied));
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) != null && valueSources.get(i) == null) {
                missing.add(context.name(i));
            }
        }
        if (!inaccessible && usage.input() && !missing.isEmpty()) {
            if (!usage.output()) {
                return null;
            }
            context.error("ENUM_VALUE_MISMATCH", "Enum type \"" + name + "\" is used as both input type (for example, as type of \""
                    + usage.inputExample() + "\") and output type (for example, as type of \"" + usage.outputExample()
                    + "\"), but value \"" + value + "\" is not defined in all the subgraphs defining \"" + name + "\": \"" + value
                    + "\" is defined in " + Names.subgraphs(context.namesWhere(valueSources)) + " but not in " + Names.subgraphs(missing),
                    context.namesWhere(sources), name, value);
        }
        String description = DescriptionMerge.merge(valueSources.stream().map(v -> v == null ? null : v.description()).toList());
        return EnumValueDefinition.newEnumValueDefinition()
                .name(value)
                .description(description == null ? null : new Description(description, null, false))
                .directives(directives)
                .build();
    }
}
