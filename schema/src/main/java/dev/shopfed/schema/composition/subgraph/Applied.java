package dev.shopfed.schema.composition.subgraph;

import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.BooleanValue;
import graphql.language.Value;

/**
 * A directive applied in a subgraph. Federation directives carry their spec name ({@code key}, {@code shareable},
 * ...) whatever the subgraph imported them as; other directives keep their own name.
 *
 * @param fromExtension applied on an {@code extend} declaration rather than the type definition
 */
public record Applied(String name, Directive node, boolean fromExtension) {

    public Value<?> argument(String argument) {
        Argument found = node.getArgument(argument);
        return found == null ? null : found.getValue();
    }

    public String stringArgument(String argument) {
        return argument(argument) instanceof StringValue value ? value.getValue() : null;
    }

    /** A boolean argument, or null when absent. */
    public Boolean booleanArgument(String argument) {
        return argument(argument) instanceof BooleanValue value ? value.isValue() : null;
    }
}
