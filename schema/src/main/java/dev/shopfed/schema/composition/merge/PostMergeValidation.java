package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks on the merged supergraph: implementations have every interface field, the whole is a valid GraphQL
 * schema, fields with {@code @requires} demand the authorization of what they read, and {@code @inaccessible}
 * leaves a consistent API schema.
 */
final class PostMergeValidation {

    private PostMergeValidation() {
    }

    static List<CompositionError> validate(MergeContext context, Document supergraph) {
        List<CompositionError> errors = new ArrayList<>(interfaceFieldsImplemented(context, supergraph));
        if (!errors.isEmpty()) {
            return errors;
        }
        try {
            UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(supergraph));
        } catch (SchemaProblem problem) {
            for (GraphQLError error : problem.getErrors()) {
                errors.add(new CompositionError("INVALID_GRAPHQL", error.getMessage(), List.of(), null, null));
            }
            return errors;
        }
        errors.addAll(TransitiveAuthRule.validate(context, supergraph));
        errors.addAll(InaccessibleRules.validate(supergraph));
        return errors;
    }

    private static List<CompositionError> interfaceFieldsImplemented(MergeContext context, Document supergraph) {
        Map<String, TypeDefinition<?>> types = new HashMap<>();
        supergraph.getDefinitionsOfType(TypeDefinition.class).forEach(t -> types.put(t.getName(), t));
        List<CompositionError> errors = new ArrayList<>();
        for (TypeDefinition<?> type : types.values()) {
            if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
                continue;
            }
            for (Type<?> implemented : implementing.getImplements()) {
                String itfName = ((TypeName) implemented).getName();
                if (!(types.get(itfName) instanceof InterfaceTypeDefinition itf)) {
                    continue;
                }
                for (FieldDefinition field : itf.getFieldDefinitions()) {
                    boolean present = implementing.getFieldDefinitions().stream().anyMatch(f -> f.getName().equals(field.getName()));
                    if (present) {
                        continue;
                    }
                    List<String> declaring = context.subgraphs.stream()
                            .filter(s -> s.type(itfName).map(t -> t.field(field.getName()).isPresent()).orElse(false))
                            .map(Subgraph::name).toList();
                    List<String> implementingIn = context.subgraphs.stream()
                            .filter(s -> s.type(type.getName()).map(t -> t.interfaces().contains(itfName)).orElse(false))
                            .map(Subgraph::name).toList();
                    errors.add(new CompositionError("INTERFACE_FIELD_NO_IMPLEM", "Interface field \"" + itfName + "." + field.getName()
                            + "\" is declared in " + Names.subgraphs(declaring.isEmpty() ? List.of("?") : declaring) + " but type \""
                            + type.getName() + "\", which implements \"" + itfName + "\" only in "
                            + Names.subgraphs(implementingIn.isEmpty() ? List.of("?") : implementingIn)
                            + " does not have field \"" + field.getName() + "\".", implementingIn, type.getName(), field.getName()));
                }
            }
        }
        return errors;
    }
}
