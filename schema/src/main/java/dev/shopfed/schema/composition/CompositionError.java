package dev.shopfed.schema.composition;

import java.util.List;

/**
 * Why composition failed, with Apollo's error code where Apollo has one for the rule.
 *
 * @param subgraphs the subgraphs involved, empty when the error is about the supergraph as a whole
 * @param type      the type involved, or null
 * @param field     the field (or enum value, argument, input field) involved, or null
 */
public record CompositionError(String code, String message, List<String> subgraphs, String type, String field) {

    public CompositionError {
        subgraphs = List.copyOf(subgraphs);
    }

    public static CompositionError of(String code, String message, String subgraph, String type, String field) {
        return new CompositionError(code, message, subgraph == null ? List.of() : List.of(subgraph), type, field);
    }

    @Override
    public String toString() {
        String where = (subgraphs.isEmpty() ? "" : "[" + String.join(", ", subgraphs) + "] ")
                + (type == null ? "" : type + (field == null ? "" : "." + field) + ": ");
        // messages keep Apollo's "[subgraph] " prefix; the subgraphs are already listed in front
        String text = !subgraphs.isEmpty() && message.startsWith("[") ? message.replaceFirst("^\\[[^]]*] ", "") : message;
        return code + " " + where + text;
    }
}
