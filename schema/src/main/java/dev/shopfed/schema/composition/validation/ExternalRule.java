package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.ArrayList;
import java.util.List;

/** {@code @external} fields must be used by a key, requires, provides or interface; never on interface fields. */
final class ExternalRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            if (!type.kind().hasFields()) {
                continue;
            }
            for (SubgraphField field : type.fields()) {
                Coordinate coordinate = new Coordinate(type.name(), field.name());
                if (type.kind() == TypeKind.INTERFACE && field.has("external")) {
                    errors.add(SubgraphRule.error(subgraph, "EXTERNAL_ON_INTERFACE", "Interface type field \"" + coordinate
                            + "\" is marked @external but @external is not allowed on interface fields (it is nonsensical).",
                            type.name(), field.name()));
                }
                if (subgraph.isExternal(coordinate) && !subgraph.isUsed(coordinate)) {
                    errors.add(SubgraphRule.error(subgraph, "EXTERNAL_UNUSED", "Field \"" + coordinate + "\" is marked @external "
                            + "but is not used in any federation directive (@key, @provides, @requires) or to satisfy an interface;"
                            + " the field declaration has no use and should be removed (or the field should not be @external).",
                            type.name(), field.name()));
                }
            }
        }
        return errors;
    }
}
