package dev.shopfed.promo.model;

/**
 * A commerce shop as promo references it: only its id. Its legacy city and rating ({@link LegacyShop}) are
 * loaded per field, so that a stream's shop and an entity representation answer them alike.
 */
public record Shop(String id) {
}
