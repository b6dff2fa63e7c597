package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} apply to concrete types and their fields, not
 * to interfaces, interface fields or interface objects (the requirements of an interface are those of its
 * implementations).
 */
final class AuthorizationRule implements SubgraphRule {

    private static final List<String> DIRECTIVES = List.of("authenticated", "requiresScopes", "policy");

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            boolean onInterface = type.kind() == TypeKind.INTERFACE || type.has("interfaceObject");
            if (!onInterface) {
                continue;
            }
            String kind = type.kind() == TypeKind.INTERFACE ? "interface" : "interface object";
            for (String directive : DIRECTIVES) {
                if (type.has(directive)) {
                    errors.add(error(subgraph, directive, kind + " \"" + type.name() + "\"", type.name(), null));
                }
                for (SubgraphField field : type.fields()) {
                    if (field.has(directive)) {
                        errors.add(error(subgraph, directive, "interface field \"" + type.name() + "." + field.name() + "\"",
                                type.name(), field.name()));
                    }
                }
            }
        }
        return errors;
    }

    private static CompositionError error(Subgraph subgraph, String directive, String element, String type, String field) {
        return SubgraphRule.error(subgraph, "AUTH_REQUIREMENTS_APPLIED_ON_INTERFACE", "Invalid use of @" + directive + " on "
                + element + ": @" + directive + " cannot be applied on interfaces, interface fields and interface objects",
                type, field);
    }
}
