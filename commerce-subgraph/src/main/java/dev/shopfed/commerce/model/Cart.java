package dev.shopfed.commerce.model;

import java.time.Instant;
import java.util.List;

/** A cart priced at one instant: its lines carry only the quotes that still hold then. */
public record Cart(String id, List<CartItem> items) {

    public Cart {
        items = List.copyOf(items);
    }

    public static Cart of(String userId, List<CartItem> items) {
        return new Cart("cart-" + userId, items);
    }

    public static Cart pricedAt(String userId, List<CartItem> items, Instant now) {
        return of(userId, items.stream().map(item -> item.pricedAt(now)).toList());
    }

    public int itemCount() {
        return items.stream().mapToInt(CartItem::quantity).sum();
    }

    public Money subtotal() {
        return Money.rupiah(subtotalRupiah());
    }

    public long subtotalRupiah() {
        return items.stream().mapToLong(CartItem::lineTotalRupiah).reduce(0L, Math::addExact);
    }

    public Money discountTotal() {
        return Money.rupiah(discountTotalRupiah());
    }

    public long discountTotalRupiah() {
        return items.stream().mapToLong(CartItem::discountRupiah).reduce(0L, Math::addExact);
    }

    /** What checkout charges for this cart. */
    public Money total() {
        return Money.rupiah(totalRupiah());
    }

    public long totalRupiah() {
        return Math.subtractExact(subtotalRupiah(), discountTotalRupiah());
    }
}
