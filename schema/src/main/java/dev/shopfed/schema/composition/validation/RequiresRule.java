package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.ArrayList;
import java.util.List;

/** {@code @requires} selects existing fields of its own type, whose leaves this subgraph marks {@code @external}. */
final class RequiresRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            for (SubgraphField field : type.fields()) {
                Applied requires = field.directive("requires").orElse(null);
                if (requires == null) {
                    continue;
                }
                if (type.kind() == TypeKind.INTERFACE) {
                    errors.add(SubgraphRule.error(subgraph, "REQUIRES_UNSUPPORTED_ON_INTERFACE", "Cannot use @requires on field \""
                            + type.name() + "." + field.name() + "\" of parent type \"" + type.name()
                            + "\": @requires is not yet supported within interfaces", type.name(), field.name()));
                    continue;
                }
                FieldSetCheck check = new FieldSetCheck(subgraph, "requires", requires.stringArgument("fields"), type.name(), field.name());
                check.argumentsAllowed = true;
                errors.addAll(check.check(type.name()));
            }
        }
        return errors;
    }
}
