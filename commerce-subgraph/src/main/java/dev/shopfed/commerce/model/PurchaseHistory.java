package dev.shopfed.commerce.model;

import java.util.List;

/** What a buyer has bought: the category names and shop ids of the products in their paid orders, each once, sorted. */
public record PurchaseHistory(List<String> categories, List<String> shopIds) {

    public static final PurchaseHistory EMPTY = new PurchaseHistory(List.of(), List.of());

    public PurchaseHistory {
        categories = List.copyOf(categories);
        shopIds = List.copyOf(shopIds);
    }
}
