package dev.shopfed.schema.composition.subgraph;

import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.Value;

import java.util.List;

/** An argument or an input object field of a subgraph. */
public record SubgraphInputValue(String name, String description, Type<?> type, Value<?> defaultValue,
                                 List<Applied> directives) {

    public boolean required() {
        return type instanceof NonNullType && defaultValue == null;
    }

    public boolean has(String directive) {
        return directives.stream().anyMatch(d -> d.name().equals(directive));
    }
}
