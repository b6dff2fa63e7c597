package dev.shopfed.promo.model;

/** A creator's referral link for one product; {@code creator} and {@code product} are resolved by data fetchers. */
public record AffiliateLink(String code, String url, String creatorId, String productId, int commissionPercent) {
}
