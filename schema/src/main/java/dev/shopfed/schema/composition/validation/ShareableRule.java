package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.ArrayList;
import java.util.List;

/** {@code @shareable} belongs on object types and their fields, once per declaration. */
final class ShareableRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            if (type.kind() == TypeKind.OBJECT) {
                long onDefinition = type.directives("shareable").stream().filter(d -> !d.fromExtension()).count();
                if (onDefinition > 1) {
                    errors.add(duplicate(subgraph, "the same type declaration of \"" + type.name() + "\"", type.name(), null));
                }
            }
            for (SubgraphField field : type.fields()) {
                long count = field.directives().stream().filter(d -> d.name().equals("shareable")).count();
                if (type.kind() == TypeKind.INTERFACE && count > 0) {
                    errors.add(SubgraphRule.error(subgraph, "INVALID_SHAREABLE_USAGE", "Invalid use of @shareable on field \""
                            + type.name() + "." + field.name() + "\": only object type fields can be marked with @shareable",
                            type.name(), field.name()));
                } else if (count > 1) {
                    errors.add(duplicate(subgraph, "field \"" + type.name() + "." + field.name() + "\"", type.name(), field.name()));
                }
            }
        }
        return errors;
    }

    private static CompositionError duplicate(Subgraph subgraph, String element, String type, String field) {
        return SubgraphRule.error(subgraph, "INVALID_SHAREABLE_USAGE", "Invalid duplicate application of @shareable on " + element
                + ": @shareable is only repeatable on types so it can be used simultaneously on a type definition and its "
                + "extensions, but it should not be duplicated on the same definition/extension declaration", type, field);
    }
}
