package dev.shopfed.promo.model;

import java.util.List;
import java.util.TreeSet;

/**
 * What a buyer bought, as commerce tells it through the gateway ({@code User.purchaseHistory}, which
 * {@code recommendedCampaigns} requires): category names and shop ids. Kept distinct and sorted, so equal histories
 * are equal keys for the recommendation loader whatever order they arrived in.
 */
public record PurchaseHistory(List<String> categories, List<String> shopIds) {

    public PurchaseHistory {
        categories = List.copyOf(new TreeSet<>(categories));
        shopIds = List.copyOf(new TreeSet<>(shopIds));
    }

    public boolean isEmpty() {
        return categories.isEmpty() && shopIds.isEmpty();
    }
}
