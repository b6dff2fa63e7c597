package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import dev.shopfed.schema.composition.subgraph.TypeKind;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.ArrayValue;
import graphql.language.IntValue;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.StringValue;
import graphql.language.Type;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code @cost} and {@code @listSize} may be applied: {@code @cost} not on interface fields (it costs concrete
 * types); {@code @listSize} on list fields (or fields with sized fields), its assumed size not negative, its slicing
 * arguments existing {@code Int} arguments, its sized fields list fields of the field's type.
 */
final class CostRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        for (SubgraphType type : subgraph.types().values()) {
            for (SubgraphField field : type.fields()) {
                String coordinate = type.name() + "." + field.name();
                if (type.kind() == TypeKind.INTERFACE && field.has("cost")) {
                    errors.add(SubgraphRule.error(subgraph, "COST_APPLIED_TO_INTERFACE_FIELD",
                            "@cost cannot be applied to interface \"" + coordinate + "\"", type.name(), field.name()));
                }
                field.directive("listSize").ifPresent(listSize -> checkListSize(subgraph, type, field, listSize, errors));
            }
        }
        return errors;
    }

    private static void checkListSize(Subgraph subgraph, SubgraphType type, SubgraphField field, Applied listSize,
            List<CompositionError> errors) {
        String coordinate = type.name() + "." + field.name();
        List<String> sizedFields = strings(listSize.argument("sizedFields"));
        if (sizedFields.isEmpty() && !isList(field.type())) {
            errors.add(error(subgraph, "LIST_SIZE_APPLIED_TO_NON_LIST", "\"" + coordinate + "\" is not a list", type, field));
        }
        if (listSize.argument("assumedSize") instanceof IntValue size && size.getValue().signum() < 0) {
            errors.add(error(subgraph, "LIST_SIZE_INVALID_ASSUMED_SIZE", "Assumed size of \"" + coordinate + "\" cannot be negative", type, field));
        }
        for (String name : strings(listSize.argument("slicingArguments"))) {
            Optional<SubgraphInputValue> argument = field.argument(name);
            if (argument.isEmpty()) {
                errors.add(error(subgraph, "LIST_SIZE_INVALID_SLICING_ARGUMENT",
                        "Slicing argument \"" + name + "\" is not an argument of \"" + coordinate + "\"", type, field));
            } else if (!TypeRefs.print(argument.get().type()).replace("!", "").equals("Int")) {
                errors.add(error(subgraph, "LIST_SIZE_INVALID_SLICING_ARGUMENT",
                        "Slicing argument \"" + coordinate + "(" + name + ":)\" must be Int or Int!", type, field));
            }
        }
        checkSizedFields(subgraph, type, field, sizedFields, errors);
    }

    private static void checkSizedFields(Subgraph subgraph, SubgraphType type, SubgraphField field, List<String> sizedFields,
            List<CompositionError> errors) {
        if (sizedFields.isEmpty()) {
            return;
        }
        String baseName = TypeRefs.baseName(field.type());
        Optional<SubgraphType> base = Optional.ofNullable(subgraph.types().get(baseName))
                .filter(t -> t.kind() == TypeKind.OBJECT || t.kind() == TypeKind.INTERFACE || t.kind() == TypeKind.UNION);
        if (base.isEmpty()) {
            errors.add(error(subgraph, "LIST_SIZE_INVALID_SIZED_FIELD", "Sized fields cannot be used because \""
                    + TypeRefs.print(field.type()) + "\" is not a composite type", type, field));
            return;
        }
        for (String name : sizedFields) {
            Optional<SubgraphField> sized = base.get().field(name);
            if (sized.isEmpty()) {
                errors.add(error(subgraph, "LIST_SIZE_INVALID_SIZED_FIELD",
                        "Sized field \"" + name + "\" is not a field on type \"" + baseName + "\"", type, field));
            } else if (!isList(sized.get().type())) {
                errors.add(error(subgraph, "LIST_SIZE_APPLIED_TO_NON_LIST",
                        "Sized field \"" + baseName + "." + name + "\" is not a list", type, field));
            }
        }
    }

    private static CompositionError error(Subgraph subgraph, String code, String message, SubgraphType type, SubgraphField field) {
        return SubgraphRule.error(subgraph, code, message, type.name(), field.name());
    }

    private static boolean isList(Type<?> type) {
        return type instanceof ListType || (type instanceof NonNullType nonNull && nonNull.getType() instanceof ListType);
    }

    private static List<String> strings(Value<?> value) {
        if (!(value instanceof ArrayValue array)) {
            return List.of();
        }
        return array.getValues().stream().filter(StringValue.class::isInstance).map(v -> ((StringValue) v).getValue()).toList();
    }
}
