package dev.shopfed.schema.composition.merge;

import dev.shopfed.schema.composition.subgraph.Subgraph;
import graphql.language.DirectiveDefinition;
import graphql.language.DirectiveLocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Directives for operations (on QUERY, FIELD, ...) reach the supergraph when every subgraph defines them, with
 * the locations they all share, so the gateway accepts them in queries.
 */
final class ExecutableDirectives {

    private static final Set<String> EXECUTABLE = Set.of("QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION",
            "FRAGMENT_SPREAD", "INLINE_FRAGMENT", "VARIABLE_DEFINITION");

    private ExecutableDirectives() {
    }

    static List<DirectiveDefinition> merge(MergeContext context) {
        Set<String> names = new LinkedHashSet<>();
        for (Subgraph subgraph : context.subgraphs) {
            subgraph.directiveDefinitions().values().stream()
                    .filter(d -> d.getDirectiveLocations().stream().anyMatch(l -> EXECUTABLE.contains(l.getName())))
                    .filter(d -> !context.composed.isComposed(d.getName()))
                    .forEach(d -> names.add(d.getName()));
        }
        List<DirectiveDefinition> merged = new ArrayList<>();
        for (String name : names) {
            List<DirectiveDefinition> definitions = context.subgraphs.stream()
                    .map(s -> s.directiveDefinitions().get(name))
                    .toList();
            if (definitions.contains(null)) {
                continue;
            }
            List<String> locations = definitions.get(0).getDirectiveLocations().stream()
                    .map(DirectiveLocation::getName).filter(EXECUTABLE::contains).sorted().toList();
            for (DirectiveDefinition definition : definitions) {
                List<String> own = definition.getDirectiveLocations().stream().map(DirectiveLocation::getName).toList();
                locations = locations.stream().filter(own::contains).toList();
            }
            if (locations.isEmpty()) {
                continue;
            }
            boolean repeatable = definitions.stream().allMatch(DirectiveDefinition::isRepeatable);
            List<DirectiveLocation> kept = locations.stream().map(l -> DirectiveLocation.newDirectiveLocation().name(l).build()).toList();
            merged.add(definitions.get(0).transform(b -> b.repeatable(repeatable).directiveLocations(kept)));
        }
        return merged;
    }
}
