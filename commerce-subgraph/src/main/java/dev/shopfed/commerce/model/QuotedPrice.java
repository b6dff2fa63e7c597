package dev.shopfed.commerce.model;

import java.time.Instant;

/**
 * A campaign price promo quoted for one unit of a product, as verified when it was added to the cart.
 *
 * @param unitPrice  the quoted price, whole rupiah
 * @param basePrice  the catalogue price the quote was taken off; a changed catalogue price voids the quote
 * @param campaignId the promo campaign
 * @param validUntil the quote holds before this instant
 */
public record QuotedPrice(long unitPrice, long basePrice, String campaignId, Instant validUntil) {

    /** Whether a line at catalogue price {@code cataloguePrice} is still charged this price at {@code now}. */
    public boolean holdsAt(Instant now, long cataloguePrice) {
        return now.isBefore(validUntil) && basePrice == cataloguePrice;
    }
}
