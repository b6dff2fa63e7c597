package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.print.ValuePrinter;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import graphql.language.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defaults of an argument or input field: kept when all subgraphs agree, dropped when only some have one,
 * an error when two differ.
 */
final class DefaultValueMerge {

    private DefaultValueMerge() {
    }

    /** @param kind "Argument" or "Input field", for the error */
    static Value<?> merge(MergeContext context, List<SubgraphInputValue> sources, String kind, String coordinate,
                          String type, String field) {
        Value<?> merged = null;
        boolean seen = false;
        boolean inconsistent = false;
        boolean incompatible = false;
        for (SubgraphInputValue source : sources) {
            if (source == null) {
                continue;
            }
            Value<?> value = source.defaultValue();
            if (merged == null) {
                merged = value;
                inconsistent |= seen && value != null;
            } else if (!same(merged, value)) {
                inconsistent = true;
                incompatible |= value != null;
            }
            seen = true;
        }
        if (incompatible) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                SubgraphInputValue source = sources.get(i);
                if (source != null) {
                    values.put(context.name(i), source.defaultValue() == null ? "no default value"
                            : "default value " + ValuePrinter.print(source.defaultValue(), source.type()));
                }
            }
            String code = kind.equals("Argument") ? "FIELD_ARGUMENT_DEFAULT_MISMATCH" : "INPUT_FIELD_DEFAULT_MISMATCH";
            context.error(code, kind + " \"" + coordinate + "\" has incompatible default values across subgraphs: it has "
                    + Names.distribution(null, values), context.namesWhere(sources), type, field);
        }
        return !inconsistent || incompatible ? merged : null;
    }

    static boolean same(Value<?> a, Value<?> b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(ValuePrinter.print(a), ValuePrinter.print(b));
    }
}
