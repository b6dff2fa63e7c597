package dev.shopfed.commerce.model;

import java.time.Instant;

/**
 * One cart line; {@code unitPrice} is the current catalogue price, {@code quote} the campaign price the buyer was
 * shown, or null.
 */
public record CartItem(String productId, int quantity, long unitPrice, QuotedPrice quote) {

    public CartItem(String productId, int quantity, long unitPrice) {
        this(productId, quantity, unitPrice, null);
    }

    public Money lineTotal() {
        return Money.rupiah(lineTotalRupiah());
    }

    /** Off the line total while the quote holds; null without one. */
    public Money discount() {
        return quote == null ? null : Money.rupiah(discountRupiah());
    }

    public long discountRupiah() {
        if (quote == null) {
            return 0;
        }
        return Math.multiplyExact(unitPrice - quote.unitPrice(), (long) quantity);
    }

    /** True when the line carries a quote that no longer holds at {@code now}. */
    public boolean quoteLapsedAt(Instant now) {
        return quote != null && !quote.holdsAt(now, unitPrice);
    }

    /** This line as priced at {@code now}: a quote that no longer holds is dropped. */
    public CartItem pricedAt(Instant now) {
        return quoteLapsedAt(now) ? new CartItem(productId, quantity, unitPrice, null) : this;
    }

    long lineTotalRupiah() {
        return Math.multiplyExact(unitPrice, (long) quantity);
    }
}
