package dev.shopfed.schema.composition.validation;

import dev.shopfed.schema.composition.subgraph.Applied;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphField;
import dev.shopfed.schema.composition.subgraph.SubgraphInputValue;
import dev.shopfed.schema.composition.subgraph.SubgraphType;

/** Visits every directive applied anywhere in a subgraph, with the type and member it is applied to. */
final class AppliedDirectives {

    interface Visitor {
        /** @param type null for schema directives; @param member field, argument, value or input field, or null */
        void visit(Applied directive, String type, String member);
    }

    private AppliedDirectives() {
    }

    static void forEach(Subgraph subgraph, Visitor visitor) {
        subgraph.schemaDirectives().forEach(d -> visitor.visit(d, null, null));
        for (SubgraphType type : subgraph.types().values()) {
            type.directives().forEach(d -> visitor.visit(d, type.name(), null));
            for (SubgraphField field : type.fields()) {
                field.directives().forEach(d -> visitor.visit(d, type.name(), field.name()));
                for (SubgraphInputValue argument : field.arguments()) {
                    argument.directives().forEach(d -> visitor.visit(d, type.name(), field.name() + "(" + argument.name() + ":)"));
                }
            }
            for (SubgraphInputValue field : type.inputFields()) {
                field.directives().forEach(d -> visitor.visit(d, type.name(), field.name()));
            }
            type.values().forEach(v -> v.directives().forEach(d -> visitor.visit(d, type.name(), v.name())));
        }
    }
}
