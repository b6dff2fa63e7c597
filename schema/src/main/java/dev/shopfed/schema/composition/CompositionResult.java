package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.dataflow.DataFlow;

import java.util.List;

/**
 * A supergraph SDL with the flows of personal data it allows, or the errors that prevented composing one.
 *
 * @param supergraphSdl null when composition failed
 * @param dataFlows     empty when composition failed or the supergraph does not link the privacy spec
 */
public record CompositionResult(String supergraphSdl, List<CompositionError> errors, List<DataFlow> dataFlows) {

    public CompositionResult {
        errors = List.copyOf(errors);
        dataFlows = List.copyOf(dataFlows);
    }

    static CompositionResult success(String supergraphSdl, List<DataFlow> dataFlows) {
        return new CompositionResult(supergraphSdl, List.of(), dataFlows);
    }

    static CompositionResult failure(List<CompositionError> errors) {
        return new CompositionResult(null, errors, List.of());
    }

    public boolean succeeded() {
        return supergraphSdl != null;
    }
}
