package dev.shopfed.schema.composition;

import java.util.List;

/**
 * A supergraph SDL, or the errors that prevented composing one.
 *
 * @param supergraphSdl null when composition failed
 */
public record CompositionResult(String supergraphSdl, List<CompositionError> errors) {

    public CompositionResult {
        errors = List.copyOf(errors);
    }

    static CompositionResult success(String supergraphSdl) {
        return new CompositionResult(supergraphSdl, List.of());
    }

    static CompositionResult failure(List<CompositionError> errors) {
        return new CompositionResult(null, errors);
    }

    public boolean succeeded() {
        return supergraphSdl != null;
    }
}
