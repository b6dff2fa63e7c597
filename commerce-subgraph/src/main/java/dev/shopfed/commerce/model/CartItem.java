package dev.shopfed.commerce.model;

/** One cart line; {@code unitPrice} is the current catalogue price. */
public record CartItem(String productId, int quantity, long unitPrice) {

    public Money lineTotal() {
        return Money.rupiah(lineTotalRupiah());
    }

    long lineTotalRupiah() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
