package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.TypeKind;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Description;
import graphql.language.Directive;
import graphql.language.InputValueDefinition;
import graphql.language.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arguments of a merged field: only those every (non-external) subgraph declares; a required argument missing
 * somewhere is an error.
 */
final class ArgumentMerge {

    private ArgumentMerge() {
    }

    static List<InputValueDefinition> merge(MergeContext context, String type, String field, List<SubgraphField> sources) {
        Set<String> names = new LinkedHashSet<>();
        sources.stream().filter(s -> s != null).forEach(s -> s.arguments().forEach(a -> names.add(a.name())));
        List<InputValueDefinition> merged = new ArrayList<>();
        for (String name : names) {
            List<SubgraphInputValue> arguments = new ArrayList<>();
            boolean missing = false;
            for (SubgraphField source : sources) {
                SubgraphInputValue argument = source == null ? null : source.argument(name).orElse(null);
                missing |= source != null && argument == null;
                arguments.add(argument);
            }
            String coordinate = type + "." + field + "(" + name + ":)";
            if (missing) {
                reportMissing(context, type, field, coordinate, sources, arguments);
                continue;
            }
            merged.add(mergeArgument(context, type, field, coordinate, name, arguments));
        }
        return merged;
    }

    private static void reportMissing(MergeContext context, String type, String field, String coordinate,
                                      List<SubgraphField> sources, List<SubgraphInputValue> arguments) {
        List<String> requiredIn = new ArrayList<>();
        List<String> missingIn = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (arguments.get(i) != null && arguments.get(i).required()) {
                requiredIn.add(context.name(i));
            }
            if (sources.get(i) != null && arguments.get(i) == null) {
                missingIn.add(context.name(i));
            }
        }
        if (requiredIn.isEmpty()) {
            return;
        }
        context.error("REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH", "Argument \"" + coordinate + "\" is required in some "
                + "subgraphs but does not appear in all subgraphs: it is required in " + Names.subgraphs(requiredIn)
                + " but does not appear in " + Names.subgraphs(missingIn), context.namesWhere(arguments), type, field);
    }

    private static InputValueDefinition mergeArgument(MergeContext context, String type, String field, String coordinate,
                                                      String name, List<SubgraphInputValue> arguments) {
        List<List<Applied>> directives = arguments.stream().map(a -> a == null ? null : a.directives()).toList();
        List<Directive> merged = new ArrayList<>(AppliedDirectiveMerge.inaccessible(context, directives));
        merged.addAll(AppliedDirectiveMerge.others(context, directives));
        Type<?> mergedType = inputType(context, arguments, coordinate, type, field, "argument", "FIELD_ARGUMENT_TYPE_MISMATCH");
        String description = DescriptionMerge.merge(arguments.stream().map(a -> a == null ? null : a.description()).toList());
        return InputValueDefinition.newInputValueDefinition()
                .name(name)
                .description(description == null ? null : new Description(description, null, false))
                .type(mergedType)
                .defaultValue(DefaultValueMerge.merge(context, arguments, "Argument", coordinate, type, field))
                .directives(merged)
                .build();
    }

    /** Merges an input position's type (argument or input field), reporting incompatibilities. */
    static Type<?> inputType(MergeContext context, List<SubgraphInputValue> values, String coordinate, String type,
                             String field, String element, String code) {
        TypeReferenceMerge.Merged merged = TypeReferenceMerge.merge(context,
                values.stream().<Type<?>>map(v -> v == null ? null : v.type()).toList(), true);
        recordEnumUsage(context, merged.type(), coordinate, true);
        if (merged.incompatible()) {
            Map<String, String> types = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) != null) {
                    types.put(context.name(i), "type \"" + TypeRefs.print(values.get(i).type()) + "\"");
                }
            }
            context.error(code, "Type of " + element + " \"" + coordinate + "\" is incompatible across subgraphs: it has "
                    + Names.distribution("type \"" + TypeRefs.print(merged.type()) + "\"", types), context.namesWhere(values), type, field);
        }
        return merged.type();
    }

    static void recordEnumUsage(MergeContext context, Type<?> type, String coordinate, boolean input) {
        String base = TypeRefs.baseName(type);
        if (context.kinds.get(base) == TypeKind.ENUM) {
            context.recordEnumUsage(base, coordinate, input);
        }
    }
}
