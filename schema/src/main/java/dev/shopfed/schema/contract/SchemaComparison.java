package dev.shopfed.schema.contract;

import dev.shopfed.schema.contract.TypeCompatibility.Verdict;
import graphql.language.AstPrinter;
import graphql.language.Node;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLImplementingType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import graphql.schema.InputValueWithState;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lists every difference between the API schema the app was built against and a new one, classified as
 * breaking or safe from a client's point of view.
 */
public final class SchemaComparison {

    private final GraphQLSchema before;
    private final GraphQLSchema after;
    private final List<SchemaChange> changes = new ArrayList<>();

    private SchemaComparison(GraphQLSchema before, GraphQLSchema after) {
        this.before = before;
        this.after = after;
    }

    public static List<SchemaChange> compare(GraphQLSchema before, GraphQLSchema after) {
        SchemaComparison comparison = new SchemaComparison(before, after);
        comparison.compareRoots();
        comparison.compareTypes();
        return List.copyOf(comparison.changes);
    }

    private void add(ChangeKind kind, String coordinate, String detail) {
        changes.add(new SchemaChange(kind, coordinate, detail));
    }

    private void compareRoots() {
        compareRoot("query", before.getQueryType(), after.getQueryType());
        compareRoot("mutation", before.getMutationType(), after.getMutationType());
        compareRoot("subscription", before.getSubscriptionType(), after.getSubscriptionType());
    }

    private void compareRoot(String operation, GraphQLObjectType was, GraphQLObjectType is) {
        if (was == null) {
            return;
        }
        String now = is == null ? "none" : is.getName();
        if (!was.getName().equals(now)) {
            add(ChangeKind.ROOT_TYPE_CHANGED, "schema." + operation, "was " + was.getName() + ", now " + now);
        }
    }

    private void compareTypes() {
        for (GraphQLNamedType type : userTypes(before)) {
            GraphQLNamedType now = (GraphQLNamedType) after.getType(type.getName());
            if (now == null) {
                add(ChangeKind.TYPE_REMOVED, type.getName(), kindName(type) + " removed");
            } else if (!kindName(type).equals(kindName(now))) {
                add(ChangeKind.TYPE_KIND_CHANGED, type.getName(), "was " + kindName(type) + ", now " + kindName(now));
            } else {
                compareType(type, now);
            }
        }
        for (GraphQLNamedType type : userTypes(after)) {
            if (before.getType(type.getName()) == null) {
                add(ChangeKind.TYPE_ADDED, type.getName(), kindName(type) + " added");
            }
        }
    }

    private static List<GraphQLNamedType> userTypes(GraphQLSchema schema) {
        return schema.getAllTypesAsList().stream().filter(t -> !t.getName().startsWith("__")).toList();
    }

    private static String kindName(GraphQLNamedType type) {
        return type.getClass().getSimpleName().replace("GraphQL", "").replace("Type", "").toLowerCase();
    }

    private void compareType(GraphQLNamedType was, GraphQLNamedType is) {
        if (was instanceof GraphQLFieldsContainer wasFields) {
            compareFields(wasFields, (GraphQLFieldsContainer) is);
        }
        if (was instanceof GraphQLImplementingType wasImplementing) {
            compareMembers(was.getName(), names(wasImplementing.getInterfaces()), names(((GraphQLImplementingType) is).getInterfaces()),
                    ChangeKind.INTERFACE_REMOVED, ChangeKind.INTERFACE_ADDED);
        }
        if (was instanceof GraphQLUnionType wasUnion) {
            compareMembers(was.getName(), names(wasUnion.getTypes()), names(((GraphQLUnionType) is).getTypes()),
                    ChangeKind.UNION_MEMBER_REMOVED, ChangeKind.UNION_MEMBER_ADDED);
        }
        if (was instanceof GraphQLEnumType wasEnum) {
            compareEnumValues(wasEnum, (GraphQLEnumType) is);
        }
        if (was instanceof GraphQLInputObjectType wasInput) {
            compareInputFields(wasInput, (GraphQLInputObjectType) is);
        }
    }

    private static List<String> names(List<? extends GraphQLNamedType> types) {
        return types.stream().map(GraphQLNamedType::getName).toList();
    }

    private void compareMembers(String owner, List<String> was, List<String> is, ChangeKind removed, ChangeKind added) {
        was.stream().filter(m -> !is.contains(m)).forEach(m -> add(removed, owner, m));
        is.stream().filter(m -> !was.contains(m)).forEach(m -> add(added, owner, m));
    }

    private void compareFields(GraphQLFieldsContainer was, GraphQLFieldsContainer is) {
        for (GraphQLFieldDefinition field : was.getFieldDefinitions()) {
            String coordinate = was.getName() + "." + field.getName();
            GraphQLFieldDefinition now = is.getFieldDefinition(field.getName());
            if (now == null) {
                add(ChangeKind.FIELD_REMOVED, coordinate, "was " + print(field.getType()));
                continue;
            }
            compareOutputType(coordinate, field.getType(), now.getType());
            compareArguments(coordinate, field.getArguments(), now.getArguments());
            compareDeprecation(coordinate, field.getDeprecationReason(), now.getDeprecationReason());
        }
        Set<String> known = was.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).collect(Collectors.toSet());
        is.getFieldDefinitions().stream()
                .filter(f -> !known.contains(f.getName()))
                .forEach(f -> add(ChangeKind.FIELD_ADDED, is.getName() + "." + f.getName(), print(f.getType())));
    }

    private void compareOutputType(String coordinate, GraphQLType was, GraphQLType is) {
        Verdict verdict = TypeCompatibility.output(was, is);
        String detail = "was " + print(was) + ", now " + print(is);
        switch (verdict) {
            case CHANGED -> add(ChangeKind.FIELD_TYPE_CHANGED, coordinate, detail);
            case MADE_NULLABLE -> add(ChangeKind.OUTPUT_MADE_NULLABLE, coordinate, detail);
            case STRICTER_OUTPUT -> add(ChangeKind.OUTPUT_MADE_NON_NULL, coordinate, detail);
            default -> {
            }
        }
    }

    private void compareInputType(String coordinate, GraphQLType was, GraphQLType is, ChangeKind typeChanged) {
        Verdict verdict = TypeCompatibility.input(was, is);
        String detail = "was " + print(was) + ", now " + print(is);
        switch (verdict) {
            case CHANGED -> add(typeChanged, coordinate, detail);
            case MADE_NON_NULL -> add(ChangeKind.INPUT_MADE_NON_NULL, coordinate, detail);
            case LOOSER_INPUT -> add(ChangeKind.INPUT_MADE_NULLABLE, coordinate, detail);
            default -> {
            }
        }
    }

    private void compareArguments(String field, List<GraphQLArgument> was, List<GraphQLArgument> is) {
        for (GraphQLArgument argument : was) {
            String coordinate = field + "(" + argument.getName() + ":)";
            GraphQLArgument now = is.stream().filter(a -> a.getName().equals(argument.getName())).findFirst().orElse(null);
            if (now == null) {
                add(ChangeKind.ARGUMENT_REMOVED, coordinate, "was " + print(argument.getType()));
                continue;
            }
            compareInputType(coordinate, argument.getType(), now.getType(), ChangeKind.ARGUMENT_TYPE_CHANGED);
            compareDefaults(coordinate, argument.getArgumentDefaultValue(), now.getArgumentDefaultValue());
        }
        Set<String> known = was.stream().map(GraphQLArgument::getName).collect(Collectors.toSet());
        for (GraphQLArgument argument : is) {
            if (known.contains(argument.getName())) {
                continue;
            }
            boolean required = argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue();
            add(required ? ChangeKind.REQUIRED_ARGUMENT_ADDED : ChangeKind.OPTIONAL_ARGUMENT_ADDED,
                    field + "(" + argument.getName() + ":)", print(argument.getType()));
        }
    }

    private void compareInputFields(GraphQLInputObjectType was, GraphQLInputObjectType is) {
        for (GraphQLInputObjectField field : was.getFieldDefinitions()) {
            String coordinate = was.getName() + "." + field.getName();
            GraphQLInputObjectField now = is.getFieldDefinition(field.getName());
            if (now == null) {
                add(ChangeKind.INPUT_FIELD_REMOVED, coordinate, "was " + print(field.getType()));
                continue;
            }
            compareInputType(coordinate, field.getType(), now.getType(), ChangeKind.INPUT_FIELD_TYPE_CHANGED);
            compareDefaults(coordinate, field.getInputFieldDefaultValue(), now.getInputFieldDefaultValue());
        }
        Set<String> known = was.getFieldDefinitions().stream().map(GraphQLInputObjectField::getName).collect(Collectors.toSet());
        for (GraphQLInputObjectField field : is.getFieldDefinitions()) {
            if (known.contains(field.getName())) {
                continue;
            }
            boolean required = field.getType() instanceof GraphQLNonNull && !field.hasSetDefaultValue();
            add(required ? ChangeKind.REQUIRED_INPUT_FIELD_ADDED : ChangeKind.OPTIONAL_INPUT_FIELD_ADDED,
                    is.getName() + "." + field.getName(), print(field.getType()));
        }
    }

    private void compareEnumValues(GraphQLEnumType was, GraphQLEnumType is) {
        Function<GraphQLEnumType, List<String>> values = e -> e.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList();
        compareMembers(was.getName(), values.apply(was), values.apply(is), ChangeKind.ENUM_VALUE_REMOVED, ChangeKind.ENUM_VALUE_ADDED);
        for (GraphQLEnumValueDefinition value : was.getValues()) {
            GraphQLEnumValueDefinition now = is.getValue(value.getName());
            if (now != null) {
                compareDeprecation(was.getName() + "." + value.getName(), value.getDeprecationReason(), now.getDeprecationReason());
            }
        }
    }

    private void compareDefaults(String coordinate, InputValueWithState was, InputValueWithState is) {
        String before = printDefault(was);
        String now = printDefault(is);
        if (!before.equals(now)) {
            add(ChangeKind.DEFAULT_VALUE_CHANGED, coordinate, "was " + before + ", now " + now);
        }
    }

    private static String printDefault(InputValueWithState value) {
        if (value == null || value.isNotSet()) {
            return "no default";
        }
        if (value.getValue() instanceof Node<?> node) {
            return AstPrinter.printAst(node);
        }
        return String.valueOf(value.getValue());
    }

    private void compareDeprecation(String coordinate, String was, String is) {
        if (Objects.equals(was, is)) {
            return;
        }
        String before = was == null ? "not deprecated" : "deprecated (" + was + ")";
        String now = is == null ? "not deprecated" : "deprecated (" + is + ")";
        add(ChangeKind.DEPRECATION_CHANGED, coordinate, "was " + before + ", now " + now);
    }

    private static String print(GraphQLType type) {
        return GraphQLTypeUtil.simplePrint(type);
    }
}
