package dev.shopfed.promo.model;

/** A shopper (the account lives in commerce); promo adds the creator profile and the creators they follow. */
public record User(String id) {
}
