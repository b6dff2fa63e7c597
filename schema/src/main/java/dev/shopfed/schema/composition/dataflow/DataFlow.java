package dev.shopfed.schema.composition.dataflow;

import java.util.Objects;

/**
 * Personal data the gateway may send from one subgraph to another, as the supergraph declares it.
 *
 * @param field    the classified leaf (or field) as written in the selection, from the entity type:
 *                 {@code User.purchaseHistory.categories}
 * @param category the {@code @personalData} category the data belongs to
 * @param from     the subgraph resolving the data
 * @param to       the subgraph the data is sent to
 * @param purpose  the {@code @consentPurpose} declaring why {@code to} receives it; null when none is declared
 * @param via      the coordinate of the field whose {@code @requires} selects the data, or {@code @key} when the
 *                 data is part of an entity representation
 * @param confined whether the data is {@code @personalData(confined: true)}: it may never leave its subgraphs
 */
public record DataFlow(String field, String category, String from, String to, String purpose, String via, boolean confined) {

    public static final String KEY = "@key";

    public DataFlow {
        Objects.requireNonNull(field);
        Objects.requireNonNull(category);
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        Objects.requireNonNull(via);
    }

    public boolean viaKey() {
        return via.equals(KEY);
    }

    /** The flow record the gateway serves too: one JSON object, without {@code confined} (a composed supergraph has none). */
    public String json() {
        return "{\"field\":" + quote(field) + ",\"category\":" + quote(category) + ",\"from\":" + quote(from) + ",\"to\":"
                + quote(to) + ",\"purpose\":" + quote(purpose) + ",\"via\":" + quote(via) + "}";
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
