package dev.shopfed.promo.model;

/** A reference to a commerce shop: promo only knows its id, the gateway fetches the rest from commerce. */
public record Shop(String id) {
}
