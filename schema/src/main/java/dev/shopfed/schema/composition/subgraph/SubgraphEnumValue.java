package dev.shopfed.schema.composition.subgraph;

import java.util.List;

/** A value of an enum type of a subgraph. */
public record SubgraphEnumValue(String name, String description, List<Applied> directives) {
}
