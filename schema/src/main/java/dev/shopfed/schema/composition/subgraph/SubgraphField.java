package dev.shopfed.schema.composition.subgraph;

import graphql.language.Type;

import java.util.List;
import java.util.Optional;

/** A field of an object or interface type of a subgraph. */
public record SubgraphField(String name, String description, Type<?> type, List<SubgraphInputValue> arguments,
                            List<Applied> directives, boolean fromExtension) {

    public boolean has(String directive) {
        return directives.stream().anyMatch(d -> d.name().equals(directive));
    }

    public Optional<Applied> directive(String name) {
        return directives.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public Optional<SubgraphInputValue> argument(String name) {
        return arguments.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
