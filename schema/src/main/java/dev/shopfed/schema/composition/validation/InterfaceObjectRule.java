package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;

import java.util.List;

/** {@code @interfaceObject} stands for an entity interface, so it needs a key. */
final class InterfaceObjectRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        return subgraph.types().values().stream()
                .filter(t -> t.has("interfaceObject") && !subgraph.isEntity(t.name()))
                .map(t -> SubgraphRule.error(subgraph, "INTERFACE_OBJECT_USAGE_ERROR", "The @interfaceObject directive can only "
                        + "be applied to entity types but type \"" + t.name() + "\" has no @key in this subgraph.", t.name(), null))
                .toList();
    }
}
