package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Link;
import dev.shopfed.schema.composition.subgraph.Subgraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every applied directive must be known: a federation directive the linked version has (and this composer
 * supports), a built-in, or one the subgraph defines. Imports must name elements of the linked version.
 */
final class DirectiveUsageRule implements SubgraphRule {

    /** The federation minor version that introduced each directive. */
    private static final Map<String, Integer> SINCE = Map.ofEntries(
            Map.entry("key", 0), Map.entry("external", 0), Map.entry("requires", 0), Map.entry("provides", 0),
            Map.entry("extends", 0), Map.entry("shareable", 0), Map.entry("override", 0), Map.entry("tag", 0),
            Map.entry("inaccessible", 0), Map.entry("composeDirective", 1), Map.entry("interfaceObject", 3),
            Map.entry("authenticated", 5), Map.entry("requiresScopes", 5), Map.entry("policy", 6),
            Map.entry("context", 8), Map.entry("fromContext", 8), Map.entry("cost", 9), Map.entry("listSize", 9),
            Map.entry("cacheTag", 12));
    private static final Map<String, Integer> TYPES_SINCE = Map.of("FieldSet", 0, "Scope", 5, "Policy", 6, "ContextFieldValue", 8);
    private static final Set<String> UNSUPPORTED = Set.of("context", "fromContext", "cacheTag");
    /** Composed only under their own names (the supergraph names them as their specs do). */
    private static final Set<String> NOT_RENAMEABLE = Set.of("authenticated", "requiresScopes", "policy");
    private static final Set<String> BUILT_IN = Set.of("deprecated", "specifiedBy", "link");

    @Override
    public List<CompositionError> check(Subgraph subgraph) {
        List<CompositionError> errors = new ArrayList<>();
        Link federation = subgraph.federation();
        federation.imports().forEach((local, spec) -> {
            Integer since = SINCE.containsKey(spec) ? SINCE.get(spec) : TYPES_SINCE.get(spec);
            if (since == null || since > federation.minor()) {
                errors.add(SubgraphRule.error(subgraph, "INVALID_LINK_DIRECTIVE_USAGE",
                        "Cannot import unknown element \"" + (TYPES_SINCE.containsKey(spec) ? spec : "@" + spec) + "\".", null, null));
            }
        });
        AppliedDirectives.forEach(subgraph, (directive, type, member) -> {
            CompositionError error = check(subgraph, directive, type, member);
            if (error != null) {
                errors.add(error);
            }
        });
        return errors;
    }

    private CompositionError check(Subgraph subgraph, Applied directive, String type, String member) {
        String written = directive.node().getName();
        boolean federationDirective = subgraph.federation().specName(written).filter(SINCE::containsKey).isPresent();
        if (federationDirective) {
            if (SINCE.get(directive.name()) > subgraph.federationMinor()) {
                return SubgraphRule.error(subgraph, "INVALID_GRAPHQL", "Unknown directive \"@" + written + "\".", type, member);
            }
            if (UNSUPPORTED.contains(directive.name())) {
                return SubgraphRule.error(subgraph, "UNSUPPORTED_FEATURE", "Directive \"@" + directive.name()
                        + "\" is not supported by this composer yet.", type, member);
            }
            if (NOT_RENAMEABLE.contains(directive.name()) && !written.equals(directive.name())) {
                return SubgraphRule.error(subgraph, "UNSUPPORTED_FEATURE", "Directive \"@" + directive.name()
                        + "\" is only supported by this composer under its own name, not as \"@" + written + "\".", type, member);
            }
            if (directive.name().equals("override") && directive.argument("label") != null && subgraph.federationMinor() < 7) {
                return SubgraphRule.error(subgraph, "INVALID_GRAPHQL", "Unknown argument \"label\" found on directive \"@override\".", type, member);
            }
            return null;
        }
        if (BUILT_IN.contains(written) || subgraph.directiveDefinitions().containsKey(written)) {
            return null;
        }
        String hint = SINCE.containsKey(written)
                ? " If you meant the \"@" + written + "\" federation directive, you should use fully-qualified name \"@"
                + subgraph.federation().localName(written) + "\" or add \"@" + written
                + "\" to the `import` argument of the @link to the federation specification."
                : "";
        return SubgraphRule.error(subgraph, "INVALID_GRAPHQL", "Unknown directive \"@" + written + "\"." + hint, type, member);
    }
}
