package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.FieldSet;
import dev.shopfed.schema.composition.subgraph.TypeRefs;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Document;
import graphql.language.EnumValue;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.StringValue;
import graphql.language.TypeDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apollo's {@code MISSING_TRANSITIVE_AUTH_REQUIREMENTS}: a field with {@code @requires} must itself demand (on the
 * field or its type) at least the {@code @authenticated}, {@code @requiresScopes} and {@code @policy} of every field,
 * returned type and fragment type its selection reads in the supergraph; otherwise a caller could reach protected
 * data through it. One error per requiring subgraph, at the first selection that is not covered.
 */
final class TransitiveAuthRule {

    /** What an element demands; null lists demand nothing. */
    private record Requirements(boolean authenticated, List<List<String>> scopes, List<List<String>> policies) {

        static final Requirements NONE = new Requirements(false, null, null);

        boolean satisfies(Requirements other) {
            return (authenticated || !other.authenticated) && implies(scopes, other.scopes) && implies(policies, other.policies);
        }

        /** Every alternative of {@code first} contains some alternative of {@code second}. */
        private static boolean implies(List<List<String>> first, List<List<String>> second) {
            List<List<String>> firsts = first == null || first.isEmpty() ? List.of(List.of()) : first;
            List<List<String>> seconds = second == null || second.isEmpty() ? List.of(List.of()) : second;
            return firsts.stream().allMatch(f -> seconds.stream().anyMatch(s -> {
                Set<String> firstSet = new HashSet<>(f);
                return firstSet.size() >= new HashSet<>(s).size() && firstSet.containsAll(s);
            }));
        }
    }

    /** Thrown at the first selection the requiring field's requirements do not cover. */
    private static final class Uncovered extends Exception {
        Uncovered(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, TypeDefinition<?>> types = new HashMap<>();
    private final Map<String, String> subgraphNames = new HashMap<>();

    private TransitiveAuthRule(MergeContext context, Document supergraph) {
        supergraph.getDefinitionsOfType(TypeDefinition.class).forEach(t -> types.put(t.getName(), t));
        for (int i = 0; i < context.size(); i++) {
            subgraphNames.put(context.graph(i), context.name(i));
        }
    }

    static List<CompositionError> validate(MergeContext context, Document supergraph) {
        return new TransitiveAuthRule(context, supergraph).validate();
    }

    private List<CompositionError> validate() {
        List<CompositionError> errors = new ArrayList<>();
        for (TypeDefinition<?> type : types.values()) {
            if (!(type instanceof ImplementingTypeDefinition<?> implementing)) {
                continue;
            }
            for (FieldDefinition field : implementing.getFieldDefinitions()) {
                Requirements own = combine(requirements(type), requirements(field));
                String coordinate = type.getName() + "." + field.getName();
                for (Directive join : field.getDirectives("join__field")) {
                    if (!(join.getArgument("requires") != null && join.getArgument("requires").getValue() instanceof StringValue requires)) {
                        continue;
                    }
                    try {
                        verify(own, coordinate, type.getName(), FieldSet.parse(requires.getValue()));
                    } catch (Uncovered uncovered) {
                        String subgraph = join.getArgument("graph") != null && join.getArgument("graph").getValue() instanceof EnumValue graph
                                ? subgraphNames.get(graph.getName()) : null;
                        errors.add(new CompositionError("MISSING_TRANSITIVE_AUTH_REQUIREMENTS",
                                (subgraph == null ? "" : "[" + subgraph + "] ") + uncovered.getMessage(),
                                subgraph == null ? List.of() : List.of(subgraph), type.getName(), field.getName()));
                    }
                }
            }
        }
        return errors;
    }

    private void verify(Requirements own, String coordinate, String parent, FieldSet selection) throws Uncovered {
        String missing = "Field \"" + coordinate + "\" does not specify necessary @authenticated, @requiresScopes and/or @policy "
                + "auth requirements to access the transitive ";
        for (FieldSet.Item item : selection.items()) {
            if (item.isFragment()) {
                String condition = item.typeCondition();
                if (condition != null && !own.satisfies(requirements(types.get(condition)))) {
                    throw new Uncovered(missing + "data in inline fragment type condition \"" + condition + "\" from @requires selection set.");
                }
                verify(own, coordinate, condition == null ? parent : condition, item.selection());
                continue;
            }
            FieldDefinition field = types.get(parent) instanceof ImplementingTypeDefinition<?> type
                    ? type.getFieldDefinitions().stream().filter(f -> f.getName().equals(item.field())).findFirst().orElse(null)
                    : null;
            if (field == null) {
                continue;
            }
            String returned = TypeRefs.baseName(field.getType());
            if (!own.satisfies(requirements(field)) || !own.satisfies(requirements(types.get(returned)))) {
                throw new Uncovered(missing + "field \"" + parent + "." + field.getName() + "\" data from @requires selection set.");
            }
            if (!item.selection().isEmpty()) {
                verify(own, coordinate, returned, item.selection());
            }
        }
    }

    private static Requirements requirements(DirectivesContainer<?> element) {
        if (element == null) {
            return Requirements.NONE;
        }
        boolean authenticated = !element.getDirectives("authenticated").isEmpty();
        return new Requirements(authenticated, values(element, "requiresScopes", "scopes"), values(element, "policy", "policies"));
    }

    private static List<List<String>> values(DirectivesContainer<?> element, String directive, String argument) {
        List<Directive> applied = element.getDirectives(directive);
        if (applied.isEmpty()) {
            return null;
        }
        Argument value = applied.get(0).getArgument(argument);
        return value == null ? null : AuthorizationSpecs.nested(value.getValue());
    }

    /** The type's and the field's requirements together, alternatives combined as Apollo's {@code dnfConjunction}. */
    private static Requirements combine(Requirements onType, Requirements onField) {
        return new Requirements(onType.authenticated() || onField.authenticated(),
                conjunction(onType.scopes(), onField.scopes()), conjunction(onType.policies(), onField.policies()));
    }

    private static List<List<String>> conjunction(List<List<String>> first, List<List<String>> second) {
        List<List<List<String>>> present = new ArrayList<>();
        if (first != null) {
            present.add(first);
        }
        if (second != null) {
            present.add(second);
        }
        return present.isEmpty() ? null : AuthorizationSpecs.dnfConjunction(present);
    }
}
