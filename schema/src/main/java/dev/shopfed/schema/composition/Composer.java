package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.dataflow.DataFlow;
import dev.shopfed.schema.composition.dataflow.DataFlows;
import dev.shopfed.schema.composition.merge.Merger;
import dev.shopfed.schema.composition.print.SdlPrinter;
import dev.shopfed.schema.composition.satisfiability.SatisfiabilityCheck;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphParser;
import dev.shopfed.schema.composition.validation.SubgraphValidation;

import java.util.ArrayList;
import java.util.List;

/**
 * Composes Federation v2 subgraphs into a supergraph: parse and validate each subgraph, merge them, check the
 * result is satisfiable and (when it links the privacy spec) that every flow of personal data between subgraphs
 * is allowed, print it the way Apollo's composition does. Each stage only runs when the previous one produced
 * no error.
 */
public final class Composer {

    private Composer() {
    }

    public static CompositionResult compose(List<SubgraphSource> sources) {
        List<CompositionError> errors = new ArrayList<>();
        List<Subgraph> subgraphs = new ArrayList<>();
        // Apollo composes the subgraphs in the order of their names, whatever order they are given in.
        for (SubgraphSource source : sources.stream().sorted(java.util.Comparator.comparing(SubgraphSource::name))
                .toList()) {
            SubgraphParser.Result parsed = SubgraphParser.parse(source);
            errors.addAll(parsed.errors());
            if (parsed.subgraph() != null) {
                errors.addAll(SubgraphValidation.validate(parsed.subgraph()));
                subgraphs.add(parsed.subgraph());
            }
        }
        if (!errors.isEmpty()) {
            return CompositionResult.failure(errors);
        }
        Merger.Result merged = Merger.merge(subgraphs);
        if (!merged.errors().isEmpty()) {
            return CompositionResult.failure(merged.errors());
        }
        List<CompositionError> unsatisfiable = SatisfiabilityCheck.check(merged.supergraph());
        if (!unsatisfiable.isEmpty()) {
            return CompositionResult.failure(unsatisfiable);
        }
        List<DataFlow> flows = DataFlows.of(merged.supergraph());
        List<CompositionError> forbidden = DataFlows.violations(flows);
        if (!forbidden.isEmpty()) {
            return CompositionResult.failure(forbidden);
        }
        return CompositionResult.success(SdlPrinter.print(merged.supergraph()), flows);
    }
}
