package dev.shopfed.schema.composition.subgraph;

/**
 * A {@code @key} of an entity in a subgraph.
 *
 * @param fields     the {@code fields:} argument as written
 * @param resolvable the {@code resolvable:} argument as written, or null when not given (defaults to true)
 * @param extension  declared on an {@code extend type} or on a type marked {@code @extends}
 */
public record Key(String fields, FieldSet selection, Boolean resolvable, boolean extension) {

    public boolean isResolvable() {
        return resolvable == null || resolvable;
    }
}
