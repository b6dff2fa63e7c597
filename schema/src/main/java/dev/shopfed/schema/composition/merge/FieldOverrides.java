package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How {@code @override} reshapes who resolves a field: the overridden subgraph stops resolving it (kept as
 * "used overridden" when its keys or requires still reference it), or shares it during a labelled migration.
 */
final class FieldOverrides {

    private static final Pattern LABEL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_\\-:./]*$");
    private static final Pattern PERCENT = Pattern.compile("^percent\\((\\d{1,2}(\\.\\d{1,8})?|100)\\)$");

    private final boolean[] usedOverridden;
    private final boolean[] unusedOverridden;
    private final boolean[] unknownTarget;
    private final String[] labels;

    private FieldOverrides(int size) {
        usedOverridden = new boolean[size];
        unusedOverridden = new boolean[size];
        unknownTarget = new boolean[size];
        labels = new String[size];
    }

    static FieldOverrides none(int size) {
        return new FieldOverrides(size);
    }

    boolean usedOverridden(int index) {
        return usedOverridden[index];
    }

    boolean unusedOverridden(int index) {
        return unusedOverridden[index];
    }

    boolean overridden(int index) {
        return usedOverridden[index] || unusedOverridden[index];
    }

    boolean unknownTarget(int index) {
        return unknownTarget[index];
    }

    String label(int index) {
        return labels[index];
    }

    /** Some subgraph still uses an overridden copy, or a migration label is in play: join__field must say so. */
    boolean shapesJoin() {
        for (int i = 0; i < labels.length; i++) {
            if (usedOverridden[i] || labels[i] != null) {
                return true;
            }
        }
        return false;
    }

    static FieldOverrides resolve(MergeContext context, String type, String field, List<SubgraphField> sources) {
        FieldOverrides overrides = new FieldOverrides(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            SubgraphField source = sources.get(i);
            Applied override = source == null ? null : source.directive("override").orElse(null);
            if (override != null) {
                overrides.apply(context, type, field, sources, i, override);
            }
        }
        return overrides;
    }

    private void apply(MergeContext context, String type, String field, List<SubgraphField> sources, int index, Applied override) {
        String coordinate = type + "." + field;
        String subgraphName = context.name(index);
        Subgraph subgraph = context.subgraph(index);
        if (subgraph.type(type).map(t -> t.kind() == TypeKind.INTERFACE).orElse(false)) {
            context.error("OVERRIDE_ON_INTERFACE", "@override cannot be used on field \"" + coordinate + "\" on subgraph \""
                    + subgraphName + "\": @override is not supported on interface type fields.", List.of(subgraphName), type, field);
            return;
        }
        if (subgraph.isInterfaceObject(type)) {
            context.error("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", "@override is not yet supported on fields of "
                    + "@interfaceObject types: cannot be used on field \"" + coordinate + "\" on subgraph \"" + subgraphName + "\".",
                    List.of(subgraphName), type, field);
            return;
        }
        String from = override.stringArgument("from");
        int fromIndex = indexOf(context, from);
        if (fromIndex < 0) {
            unknownTarget[index] = true;
            return;
        }
        if (fromIndex == index) {
            context.error("OVERRIDE_FROM_SELF_ERROR", "Source and destination subgraphs \"" + from
                    + "\" are the same for overridden field \"" + coordinate + "\"", List.of(subgraphName), type, field);
            return;
        }
        SubgraphField fromField = sources.get(fromIndex);
        if (fromField != null && fromField.has("override")) {
            context.error("OVERRIDE_SOURCE_HAS_OVERRIDE", "Field \"" + coordinate + "\" on subgraph \"" + subgraphName
                    + "\" is also marked with directive @override in subgraph \"" + from
                    + "\". Only one @override directive is allowed per field.", List.of(subgraphName, from), type, field);
            return;
        }
        if (fromField == null) {
            return;
        }
        String conflicting = fromField.has("requires") ? "requires" : fromField.has("provides") ? "provides" : null;
        String conflictSubgraph = from;
        if (conflicting == null && context.isExternal(index, type, field)) {
            conflicting = "external";
            conflictSubgraph = subgraphName;
        }
        if (conflicting != null) {
            context.error("OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE", "@override cannot be used on field \"" + coordinate
                    + "\" on subgraph \"" + subgraphName + "\" since \"" + coordinate + "\" on \"" + conflictSubgraph
                    + "\" is marked with directive \"@" + conflicting + "\"", List.of(subgraphName, from), type, field);
            return;
        }
        Subgraph fromSubgraph = context.subgraph(fromIndex);
        Coordinate fromCoordinate = new Coordinate(type, field);
        if (!fromSubgraph.isExternal(fromCoordinate)) {
            if (fromSubgraph.isUsed(fromCoordinate)) {
                usedOverridden[fromIndex] = true;
            } else {
                unusedOverridden[fromIndex] = true;
            }
        }
        String label = override.stringArgument("label");
        if (label == null) {
            return;
        }
        if (validLabel(label)) {
            labels[index] = label;
            labels[fromIndex] = label;
            return;
        }
        context.error("OVERRIDE_LABEL_INVALID", "Invalid @override label \"" + label + "\" on field \"" + coordinate
                + "\" on subgraph \"" + subgraphName + "\": labels must start with a letter and after that may contain "
                + "alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the "
                + "form \"percent(x)\" where x is a float between 0-100 inclusive.", List.of(subgraphName), type, field);
    }

    private static boolean validLabel(String label) {
        if (LABEL.matcher(label).matches()) {
            return true;
        }
        var percent = PERCENT.matcher(label);
        return percent.matches() && Double.parseDouble(percent.group(1)) <= 100;
    }

    private static int indexOf(MergeContext context, String name) {
        for (int i = 0; i < context.size(); i++) {
            if (context.name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
