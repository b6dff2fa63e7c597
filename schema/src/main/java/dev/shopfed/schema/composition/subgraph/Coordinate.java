package dev.shopfed.schema.composition.subgraph;

/** A field of a type, e.g. {@code Product.price}. */
public record Coordinate(String type, String field) {

    @Override
    public String toString() {
        return type + "." + field;
    }
}
