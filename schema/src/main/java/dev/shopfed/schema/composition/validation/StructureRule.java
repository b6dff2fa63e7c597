package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.SubgraphType;
import graphql.GraphQLError;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * The subgraph must be a valid GraphQL schema once federation directives are set aside: known types, valid
 * interface implementations, object types as union members, input and output types in their places. Checked by
 * building it with graphql-java.
 */
final class StructureRule implements SubgraphRule {

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<Definition> definitions = new ArrayList<>();
        subgraph.types().values().forEach(t -> definitions.add(definition(t)));
        boolean hasQueryFields = subgraph.type("Query").map(t -> !t.fields().isEmpty()).orElse(false);
        if (!hasQueryFields) {
            // graphql-java needs a query root; a subgraph may only contribute entities
            definitions.removeIf(d -> d instanceof ObjectTypeDefinition o && o.getName().equals("Query"));
            definitions.add(ObjectTypeDefinition.newObjectTypeDefinition().name("Query")
                    .fieldDefinition(new FieldDefinition("_placeholder", TypeName.newTypeName("Int").build())).build());
        }
        try {
            UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(
                    Document.newDocument().definitions(definitions).build()));
            return List.of();
        } catch (SchemaProblem problem) {
            List<CompositionError> errors = new ArrayList<>();
            for (GraphQLError error : problem.getErrors()) {
                errors.add(SubgraphRule.error(subgraph, "INVALID_GRAPHQL", error.getMessage(), null, null));
            }
            return errors;
        }
    }

    private static Definition<?> definition(SubgraphType type) {
        return switch (type.kind()) {
            case OBJECT -> ObjectTypeDefinition.newObjectTypeDefinition().name(type.name())
                    .implementz(interfaces(type)).fieldDefinitions(fields(type)).build();
            case INTERFACE -> InterfaceTypeDefinition.newInterfaceTypeDefinition().name(type.name())
                    .implementz(interfaces(type)).definitions(fields(type)).build();
            case UNION -> UnionTypeDefinition.newUnionTypeDefinition().name(type.name())
                    .memberTypes(type.members().stream().map(m -> (Type) TypeName.newTypeName(m).build()).toList()).build();
            case ENUM -> EnumTypeDefinition.newEnumTypeDefinition().name(type.name())
                    .enumValueDefinitions(type.values().stream().map(v -> new EnumValueDefinition(v.name())).toList()).build();
            case INPUT_OBJECT -> InputObjectTypeDefinition.newInputObjectDefinition().name(type.name())
                    .inputValueDefinitions(type.inputFields().stream().map(StructureRule::inputValue).toList()).build();
            case SCALAR -> ScalarTypeDefinition.newScalarTypeDefinition().name(type.name()).build();
        };
    }

    private static List<Type> interfaces(SubgraphType type) {
        return type.interfaces().stream().map(i -> (Type) TypeName.newTypeName(i).build()).toList();
    }

    private static List<FieldDefinition> fields(SubgraphType type) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (SubgraphField field : type.fields()) {
            fields.add(FieldDefinition.newFieldDefinition().name(field.name()).type(field.type())
                    .inputValueDefinitions(field.arguments().stream().map(StructureRule::inputValue).toList()).build());
        }
        return fields;
    }

    private static InputValueDefinition inputValue(SubgraphInputValue value) {
        return InputValueDefinition.newInputValueDefinition().name(value.name()).type(value.type())
                .defaultValue(value.defaultValue()).build();
    }
}
