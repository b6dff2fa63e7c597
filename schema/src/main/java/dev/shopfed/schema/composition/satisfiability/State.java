package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.subgraph.FieldSet;

/** A subgraph the query planner can be in, and what a {@code @provides} made available below this point (or null). */
record State(String graph, FieldSet provided) {

    String key() {
        return graph + (provided == null ? "" : "{" + provided.print() + "}");
    }
}
