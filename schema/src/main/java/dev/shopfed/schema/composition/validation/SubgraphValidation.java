package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.subgraph.Subgraph;

import java.util.List;

/** Runs every subgraph-level rule; merging only starts when all subgraphs pass. */
public final class SubgraphValidation {

    private static final List<SubgraphRule> RULES = List.of(
            new DirectiveUsageRule(),
            new StructureRule(),
            new KeyRule(),
            new RequiresRule(),
            new ProvidesRule(),
            new ExternalRule(),
            new ShareableRule(),
            new InterfaceObjectRule(),
            new CostRule(),
            new AuthorizationRule());

    private SubgraphValidation() {
    }

    public static List<CompositionError> validate(Subgraph subgraph) {
        return RULES.stream().flatMap(rule -> rule.check(subgraph).stream()).toList();
    }
}
