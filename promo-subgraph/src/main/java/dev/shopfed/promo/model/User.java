package dev.shopfed.promo.model;

/**
 * A shopper (the account lives in commerce); promo adds the creator profile, the creators they follow and the
 * campaigns recommended for them. {@code purchaseHistory} is what the representation carried (null when absent): the
 * gateway adds it only for {@code recommendedCampaigns}, and only with the buyer's consent.
 */
public record User(String id, PurchaseHistory purchaseHistory) {

    public User(String id) {
        this(id, null);
    }
}
