package dev.shopfed.commerce.model;

/** The {@code ProductFilter} input; every field is optional. */
public record ProductFilter(Category category, String city, Integer minPrice, Integer maxPrice, Boolean inStockOnly) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null, false);
}
