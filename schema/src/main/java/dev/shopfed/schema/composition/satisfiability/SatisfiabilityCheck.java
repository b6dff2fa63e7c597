package dev.shopfed.schema.composition.satisfiability;

import dev.shopfed.schema.composition.CompositionError;
import graphql.language.Document;

import java.util.List;

public final class SatisfiabilityCheck {
    private SatisfiabilityCheck() {
    }

    public static List<CompositionError> check(Document supergraph) {
        return List.of();
    }
}
