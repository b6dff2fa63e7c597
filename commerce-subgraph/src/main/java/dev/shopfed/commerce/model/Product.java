package dev.shopfed.commerce.model;

/** A catalogue product. {@code seq} is the stable pagination order and is not part of the API. */
public record Product(
        String id,
        int seq,
        String shopId,
        String name,
        String description,
        Category category,
        Money price,
        String imageUrl,
        int stock,
        Money costPrice) {

    public boolean inStock() {
        return stock > 0;
    }
}
