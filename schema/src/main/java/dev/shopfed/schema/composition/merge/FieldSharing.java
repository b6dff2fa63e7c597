package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;

import java.util.ArrayList;
import java.util.List;

/**
 * A field of an object type may be resolved by several subgraphs only if each of them marks it shareable
 * (explicitly, through its type, or as a key or provided field).
 */
final class FieldSharing {

    private FieldSharing() {
    }

    static void validate(MergeContext context, String type, String field, List<SubgraphField> sources, FieldOverrides overrides) {
        List<String> resolving = new ArrayList<>();
        List<String> shareable = new ArrayList<>();
        List<String> nonShareable = new ArrayList<>();
        List<Integer> nonShareableIndexes = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Subgraph subgraph = context.subgraph(i);
            if (sources.get(i) == null) {
                for (Coordinate abstracted : context.interfaceObjectFields(type, field, i)) {
                    String label = "\"" + subgraph.name() + "\" (through @interfaceObject field \"" + abstracted + "\")";
                    categorize(subgraph, abstracted, label, resolving, shareable, nonShareable);
                }
                continue;
            }
            if (overrides.overridden(i)) {
                continue;
            }
            int before = nonShareable.size();
            categorize(subgraph, new Coordinate(type, field), "\"" + subgraph.name() + "\"", resolving, shareable, nonShareable);
            if (nonShareable.size() > before) {
                nonShareableIndexes.add(i);
            }
        }
        if (nonShareable.isEmpty() || (shareable.isEmpty() && nonShareable.size() == 1)) {
            return;
        }
        String nonShareables = shareable.isEmpty() ? "all of them" : list(nonShareable);
        String hint = nonShareableIndexes.stream().filter(overrides::unknownTarget).findFirst()
                .map(i -> " (please note that \"" + type + "." + field + "\" has an @override directive in \"" + context.name(i)
                        + "\" that targets an unknown subgraph so this could be due to misspelling the @override(from:) argument)")
                .orElse("");
        context.error("INVALID_FIELD_SHARING", "Non-shareable field \"" + type + "." + field + "\" is resolved from multiple "
                        + "subgraphs: it is resolved from " + list(resolving) + " and defined as non-shareable in " + nonShareables + hint,
                resolving.stream().map(s -> s.substring(1, s.indexOf('"', 1))).toList(), type, field);
    }

    private static void categorize(Subgraph subgraph, Coordinate coordinate, String label, List<String> resolving,
                                   List<String> shareable, List<String> nonShareable) {
        if (subgraph.isFullyExternal(coordinate)) {
            return;
        }
        resolving.add(label);
        if (subgraph.isShareable(coordinate)) {
            shareable.add(label);
        } else {
            nonShareable.add(label);
        }
    }

    private static String list(List<String> labels) {
        if (labels.size() == 1) {
            return "subgraph " + labels.get(0);
        }
        return "subgraphs " + String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
    }
}
