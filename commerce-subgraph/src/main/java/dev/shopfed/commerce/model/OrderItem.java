package dev.shopfed.commerce.model;

/** One order line; {@code unitPrice} is the price when the order was placed. */
public record OrderItem(String productId, int quantity, Money unitPrice) {

    public Money lineTotal() {
        return Money.rupiah(Math.multiplyExact((long) unitPrice.amount(), (long) quantity));
    }
}
