package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;

import java.util.List;

/** One federation rule a subgraph must satisfy on its own, before merging. */
interface SubgraphRule {

    List<CompositionError> check(Subgraph subgraph);

    static CompositionError error(Subgraph subgraph, String code, String message, String type, String field) {
        return CompositionError.of(code, "[" + subgraph.name() + "] " + message, subgraph.name(), type, field);
    }
}
