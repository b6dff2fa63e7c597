package dev.shopfed.schema.contract;

/**
 * One difference between the contract and the composed API schema.
 *
 * @param coordinate schema coordinate of the element, e.g. {@code Product.price} or {@code Query.product(id:)}
 * @param detail     what it was and what it is now
 */
public record SchemaChange(ChangeKind kind, String coordinate, String detail) {

    public boolean breaking() {
        return kind.breaking();
    }

    @Override
    public String toString() {
        return String.format("%-8s %-26s %s: %s", breaking() ? "BREAKING" : "safe", kind, coordinate, detail);
    }
}
