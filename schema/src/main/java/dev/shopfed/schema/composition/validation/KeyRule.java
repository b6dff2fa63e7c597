package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.print.ValuePrinter;
import dev.shopfed.schema.composition.subgraph.Key;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import dev.shopfed.schema.composition.subgraph.TypeRefs;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code @key} fields must exist, take no arguments and select no interface or union; keys on interfaces need
 * federation 2.3 and every implementation must have the same key.
 */
final class KeyRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            for (Key key : subgraph.keys(type.name())) {
                if (type.kind() == TypeKind.INTERFACE && subgraph.federationMinor() < 3) {
                    errors.add(SubgraphRule.error(subgraph, "KEY_UNSUPPORTED_ON_INTERFACE", "Cannot use @key on interface \""
                            + type.name() + "\": @key is not yet supported on interfaces", type.name(), null));
                    continue;
                }
                FieldSetCheck check = new FieldSetCheck(subgraph, "key", key.fields(), type.name(), null);
                check.leavesMustBeExternal = false;
                check.fieldCheckCode = "KEY_FIELDS_SELECT_INVALID_TYPE";
                check.fieldCheck = (parent, field) -> {
                    TypeKind kind = subgraph.type(TypeRefs.baseName(field.type())).map(SubgraphType::kind).orElse(TypeKind.SCALAR);
                    if (kind == TypeKind.INTERFACE || kind == TypeKind.UNION) {
                        String kindName = kind == TypeKind.INTERFACE ? "Interface" : "Union";
                        return "field \"" + parent.name() + "." + field.name() + "\" is a " + kindName + " type which is not allowed in @key";
                    }
                    return null;
                };
                errors.addAll(check.check(type.name()));
            }
            if (type.kind() == TypeKind.INTERFACE) {
                errors.addAll(implementationsHaveKeys(subgraph, type));
            }
        }
        return errors;
    }

    private static List<CompositionError> implementationsHaveKeys(Subgraph subgraph, SubgraphType itf) {
        List<CompositionError> errors = new ArrayList<>();
        for (Key key : subgraph.keys(itf.name())) {
            List<String> missing = new ArrayList<>();
            List<String> notResolvable = new ArrayList<>();
            for (String implementation : subgraph.implementations(itf.name())) {
                Key matching = subgraph.keys(implementation).stream()
                        .filter(k -> k.selection().print().equals(key.selection().print()))
                        .findFirst()
                        .orElse(null);
                if (matching == null) {
                    missing.add("\"" + implementation + "\"");
                } else if (key.isResolvable() && !matching.isResolvable()) {
                    notResolvable.add("\"" + implementation + "\"");
                }
            }
            String keyText = "@key(fields: " + ValuePrinter.quote(key.fields()) + ")";
            if (!missing.isEmpty()) {
                errors.add(SubgraphRule.error(subgraph, "INTERFACE_KEY_NOT_ON_IMPLEMENTATION", "Key " + keyText
                        + " on interface type \"" + itf.name() + "\" is missing on implementation " + types(missing) + ".", itf.name(), null));
            } else if (!notResolvable.isEmpty()) {
                errors.add(SubgraphRule.error(subgraph, "INTERFACE_KEY_NOT_ON_IMPLEMENTATION", "Key " + keyText
                        + " on interface type \"" + itf.name() + "\" should be resolvable on all implementation types, but is declared "
                        + "with argument \"@key(resolvable:)\" set to false in " + types(notResolvable) + ".", itf.name(), null));
            }
        }
        return errors;
    }

    private static String types(List<String> names) {
        return (names.size() == 1 ? "type " : "types ") + String.join(", ", names);
    }
}
