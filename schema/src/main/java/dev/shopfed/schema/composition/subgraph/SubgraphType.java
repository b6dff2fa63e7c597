package dev.shopfed.schema.composition.subgraph;

import java.util.List;
import java.util.Optional;

/**
 * A named type of a subgraph with its definition and extensions folded together.
 *
 * @param defined  declared by a definition (not only by {@code extend})
 * @param extended declared (at least partly) by {@code extend}
 */
public record SubgraphType(String name, TypeKind kind, String description, List<Applied> directives,
                           List<SubgraphField> fields, List<SubgraphInputValue> inputFields,
                           List<String> interfaces, List<String> members, List<SubgraphEnumValue> values,
                           boolean defined, boolean extended) {

    public Optional<SubgraphField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<SubgraphInputValue> inputField(String name) {
        return inputFields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<SubgraphEnumValue> value(String name) {
        return values.stream().filter(v -> v.name().equals(name)).findFirst();
    }

    public boolean has(String directive) {
        return directives.stream().anyMatch(d -> d.name().equals(directive));
    }

    public List<Applied> directives(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).toList();
    }
}
