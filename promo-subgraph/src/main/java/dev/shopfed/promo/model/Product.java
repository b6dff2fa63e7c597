package dev.shopfed.promo.model;

/**
 * A commerce product as promo sees it. {@code name} is promo's snapshot of the commerce name (null on bare
 * references); {@code priceAmount} is the commerce price from an entity representation, null when the caller
 * did not send one.
 */
public record Product(String id, String name, Long priceAmount) {

    /** An entity reference: the gateway fetches the rest from commerce. */
    public static Product reference(String id) {
        return new Product(id, null, null);
    }
}
