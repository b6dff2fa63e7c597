package dev.shopfed.commerce.model;

/** A campaign discount on one order line, kept as its own line. */
public record OrderDiscount(String productId, String campaignId, Money amount) {
}
