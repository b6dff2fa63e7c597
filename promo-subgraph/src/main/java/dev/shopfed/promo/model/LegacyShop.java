package dev.shopfed.promo.model;

/**
 * Promo's legacy copy of a commerce shop's details, held from before the split; served as {@code Shop.city} and
 * {@code Shop.rating} while the label {@code shop-details-to-commerce} is off.
 */
public record LegacyShop(String id, String city, double rating) {
}
