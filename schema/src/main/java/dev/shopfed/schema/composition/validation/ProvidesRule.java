package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import dev.shopfed.schema.composition.subgraph.TypeRefs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @provides} sits on a non-external field of composite type and selects fields of that type which this
 * subgraph marks {@code @external}.
 */
final class ProvidesRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            for (SubgraphField field : type.fields()) {
                Applied provides = field.directive("provides").orElse(null);
                if (provides != null) {
                    errors.addAll(check(subgraph, type, field, provides));
                }
            }
        }
        return errors;
    }

    private static List<CompositionError> check(Subgraph subgraph, SubgraphType type, SubgraphField field, Applied provides) {
        String coordinate = type.name() + "." + field.name();
        if (type.kind() == TypeKind.INTERFACE) {
            return List.of(SubgraphRule.error(subgraph, "PROVIDES_UNSUPPORTED_ON_INTERFACE", "Cannot use @provides on field \""
                    + coordinate + "\" of parent type \"" + type.name() + "\": @provides is not yet supported within interfaces",
                    type.name(), field.name()));
        }
        if (subgraph.isExternal(new Coordinate(type.name(), field.name()))) {
            return List.of(SubgraphRule.error(subgraph, "EXTERNAL_COLLISION_WITH_ANOTHER_DIRECTIVE",
                    "Cannot have both @provides and @external on field \"" + coordinate + "\"", type.name(), field.name()));
        }
        String target = TypeRefs.baseName(field.type());
        TypeKind kind = subgraph.type(target).map(SubgraphType::kind).orElse(TypeKind.SCALAR);
        if (!kind.hasFields() && kind != TypeKind.UNION) {
            return List.of(SubgraphRule.error(subgraph, "PROVIDES_ON_NON_OBJECT_FIELD", "Invalid @provides directive on field \""
                    + coordinate + "\": field has type \"" + TypeRefs.print(field.type()) + "\" which is not a Composite Type",
                    type.name(), field.name()));
        }
        List<CompositionError> errors = new ArrayList<>();
        FieldSetCheck check = new FieldSetCheck(subgraph, "provides", provides.stringArgument("fields"), type.name(), field.name());
        errors.addAll(check.check(target));
        return errors;
    }
}
