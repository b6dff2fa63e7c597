package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.NonNullType;
import graphql.language.OperationTypeDefinition;
import graphql.language.SchemaDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.language.Value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removing {@code @inaccessible} elements must leave a valid API schema: nothing visible may reference a hidden
 * type, a hidden argument or input field may not be required, a type may not hide all its members, an
 * implementation may not hide a field its visible interface shows, the query root stays visible.
 */
final class InaccessibleRules {

    private final Map<String, TypeDefinition<?>> types = new HashMap<>();
    private final List<CompositionError> errors = new ArrayList<>();

    private InaccessibleRules(Document supergraph) {
        supergraph.getDefinitionsOfType(TypeDefinition.class).forEach(t -> types.put(t.getName(), t));
    }

    static List<CompositionError> validate(Document supergraph) {
        InaccessibleRules rules = new InaccessibleRules(supergraph);
        supergraph.getDefinitionsOfType(SchemaDefinition.class).forEach(rules::checkRoots);
        rules.types.values().forEach(rules::checkType);
        return rules.errors;
    }

    private static boolean hidden(DirectivesContainer<?> element) {
        return ((List<Directive>) element.getDirectives()).stream().anyMatch(d -> d.getName().equals("inaccessible"));
    }

    private boolean hiddenType(String name) {
        TypeDefinition<?> type = types.get(name);
        return type != null && hidden(type);
    }

    private void error(String code, String message, String type, String field) {
        errors.add(new CompositionError(code, message, List.of(), type, field));
    }

    private void checkRoots(SchemaDefinition schema) {
        for (OperationTypeDefinition root : schema.getOperationTypeDefinitions()) {
            String name = root.getTypeName().getName();
            if (root.getName().equals("query") && hiddenType(name)) {
                error("QUERY_ROOT_TYPE_INACCESSIBLE", "Type \"" + name + "\" is @inaccessible but is the query root type, which must be in "
                        + "the API schema.", name, null);
            }
        }
    }

    private void checkType(TypeDefinition<?> type) {
        if (hidden(type) || type.getName().startsWith("join__") || type.getName().startsWith("link__")) {
            return;
        }
        if (type instanceof ImplementingTypeDefinition<?> implementing) {
            checkFields(implementing);
        } else if (type instanceof InputObjectTypeDefinition input) {
            checkInputValues(input.getName(), null, input.getInputValueDefinitions(), "Input field");
            checkNotAllHidden(input.getName(), input.getInputValueDefinitions().stream().allMatch(InaccessibleRules::hidden), "fields");
        } else if (type instanceof EnumTypeDefinition enumType) {
            checkNotAllHidden(enumType.getName(), enumType.getEnumValueDefinitions().stream().allMatch(InaccessibleRules::hidden), "values");
        } else if (type instanceof UnionTypeDefinition union) {
            boolean allHidden = union.getMemberTypes().stream().allMatch(m -> hiddenType(((TypeName) m).getName()));
            checkNotAllHidden(union.getName(), allHidden, "members");
        }
    }

    private void checkFields(ImplementingTypeDefinition<?> type) {
        List<FieldDefinition> fields = type.getFieldDefinitions();
        checkNotAllHidden(type.getName(), fields.stream().allMatch(InaccessibleRules::hidden), "fields");
        for (FieldDefinition field : fields) {
            if (hidden(field)) {
                checkImplementedBy(type, field);
                continue;
            }
            checkReference(field.getType(), type.getName() + "." + field.getName(), type.getName(), field.getName());
            checkInputValues(type.getName(), field.getName(), field.getInputValueDefinitions(), "Argument");
        }
    }

    /** An implementation field may only be hidden if the interface field it implements is hidden too. */
    private void checkImplementedBy(ImplementingTypeDefinition<?> type, FieldDefinition field) {
        for (Type<?> implemented : type.getImplements()) {
            String itfName = ((TypeName) implemented).getName();
            if (!(types.get(itfName) instanceof InterfaceTypeDefinition itf) || hidden(itf)) {
                continue;
            }
            itf.getFieldDefinitions().stream()
                    .filter(f -> f.getName().equals(field.getName()) && !hidden(f))
                    .findFirst()
                    .ifPresent(f -> error("IMPLEMENTED_BY_INACCESSIBLE", "Field \"" + type.getName() + "." + field.getName()
                            + "\" is @inaccessible but implements the interface field \"" + itfName + "." + f.getName()
                            + "\", which is in the API schema.", type.getName(), field.getName()));
        }
    }

    private void checkInputValues(String type, String field, List<InputValueDefinition> values, String kind) {
        for (InputValueDefinition value : values) {
            String coordinate = field == null ? type + "." + value.getName() : type + "." + field + "(" + value.getName() + ":)";
            if (hidden(value)) {
                if (value.getType() instanceof NonNullType && value.getDefaultValue() == null) {
                    error("REQUIRED_INACCESSIBLE", kind + " \"" + coordinate + "\" is @inaccessible but is a required "
                            + kind.toLowerCase() + " of its " + (field == null ? "type" : "field") + ".", type, field == null ? value.getName() : field);
                }
                continue;
            }
            checkReference(value.getType(), coordinate, type, field == null ? value.getName() : field);
            checkDefault(value, coordinate, type, field == null ? value.getName() : field);
        }
    }

    private void checkReference(Type<?> reference, String coordinate, String type, String field) {
        String referenced = TypeRefs.baseName(reference);
        if (hiddenType(referenced)) {
            error("REFERENCED_INACCESSIBLE", "Type \"" + referenced + "\" is @inaccessible but is referenced by \"" + coordinate
                    + "\", which is in the API schema.", type, field);
        }
    }

    private void checkDefault(InputValueDefinition value, String coordinate, String type, String field) {
        if (value.getDefaultValue() == null || !(types.get(TypeRefs.baseName(value.getType())) instanceof EnumTypeDefinition enumType)) {
            return;
        }
        for (String used : enumValues(value.getDefaultValue())) {
            enumType.getEnumValueDefinitions().stream()
                    .filter(v -> v.getName().equals(used) && hidden(v))
                    .findFirst()
                    .ifPresent(v -> error("DEFAULT_VALUE_USES_INACCESSIBLE", "Enum value \"" + enumType.getName() + "." + used
                            + "\" is @inaccessible but is used in the default value of \"" + coordinate + "\", which is in the API schema.",
                            type, field));
        }
    }

    private static List<String> enumValues(Value<?> value) {
        if (value instanceof EnumValue enumValue) {
            return List.of(enumValue.getName());
        }
        List<String> names = new ArrayList<>();
        value.getChildren().forEach(child -> {
            if (child instanceof Value<?> nested) {
                names.addAll(enumValues(nested));
            }
        });
        return names;
    }

    private void checkNotAllHidden(String type, boolean allHidden, String members) {
        if (allHidden) {
            error("ONLY_INACCESSIBLE_CHILDREN", "Type \"" + type + "\" is in the API schema but all of its " + members
                    + " are @inaccessible.", type, null);
        }
    }
}
