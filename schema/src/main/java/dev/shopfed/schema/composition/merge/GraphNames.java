package dev.shopfed.schema.composition.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code join__Graph} enum value of each subgraph: its name made a GraphQL enum name, numbered on clashes. */
final class GraphNames {

    private GraphNames() {
    }

    static List<String> of(List<String> subgraphNames) {
        Map<String, List<Integer>> bySanitized = new LinkedHashMap<>();
        for (int i = 0; i < subgraphNames.size(); i++) {
            bySanitized.computeIfAbsent(sanitize(subgraphNames.get(i)), k -> new ArrayList<>()).add(i);
        }
        String[] names = new String[subgraphNames.size()];
        bySanitized.forEach((sanitized, indexes) -> {
            for (int i = 0; i < indexes.size(); i++) {
                names[indexes.get(i)] = indexes.size() == 1 ? sanitized : sanitized + "_" + (i + 1);
            }
        });
        return List.of(names);
    }

    static String sanitize(String name) {
        String result = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (result.matches("^\\d.*")) {
            result = "_" + result;
        }
        if (result.matches(".*_\\d+$")) {
            result = result + "_";
        }
        return result.toUpperCase(Locale.ROOT);
    }
}
