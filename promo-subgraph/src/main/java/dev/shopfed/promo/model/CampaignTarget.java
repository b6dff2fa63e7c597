package dev.shopfed.promo.model;

/** One thing a campaign is for: a commerce category name or a commerce shop id (exactly one is set). */
public record CampaignTarget(Campaign campaign, String category, String shopId) {

    public boolean hitBy(PurchaseHistory history) {
        return category != null ? history.categories().contains(category) : history.shopIds().contains(shopId);
    }
}
