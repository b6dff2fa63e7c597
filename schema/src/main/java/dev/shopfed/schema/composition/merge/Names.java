package dev.shopfed.schema.composition.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Human-readable lists of subgraph names, worded like Apollo's messages. */
final class Names {

    private Names() {
    }

    static String subgraphs(List<String> names) {
        List<String> quoted = names.stream().map(n -> "\"" + n + "\"").toList();
        if (quoted.size() == 1) {
            return "subgraph " + quoted.get(0);
        }
        return "subgraphs " + String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }

    /**
     * "it has X in subgraph "a" but Y in subgraph "b"": the value found per subgraph, the supergraph's value first.
     *
     * @param values value per subgraph name, in subgraph order (null entries are skipped)
     */
    static String distribution(String supergraphValue, Map<String, String> values) {
        Map<String, List<String>> bySubgraph = new LinkedHashMap<>();
        if (supergraphValue != null && values.containsValue(supergraphValue)) {
            bySubgraph.put(supergraphValue, new ArrayList<>());
        }
        values.forEach((subgraph, value) -> {
            if (value != null) {
                bySubgraph.computeIfAbsent(value, v -> new ArrayList<>()).add(subgraph);
            }
        });
        List<String> parts = bySubgraph.entrySet().stream()
                .map(e -> e.getKey() + " in " + subgraphs(e.getValue()))
                .collect(Collectors.toList());
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(" and ", parts.subList(0, parts.size() - 1)) + " but " + parts.get(parts.size() - 1);
    }
}
