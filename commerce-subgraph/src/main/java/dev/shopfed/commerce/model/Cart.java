package dev.shopfed.commerce.model;

import java.util.List;

public record Cart(String id, List<CartItem> items) {

    public Cart {
        items = List.copyOf(items);
    }

    public static Cart of(String userId, List<CartItem> items) {
        return new Cart("cart-" + userId, items);
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
}
