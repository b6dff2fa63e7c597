package dev.shopfed.promo.services;

import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Money;
import java.util.List;
import java.util.Optional;

/**
 * The promo price: the commerce price less the best active campaign's percentage. The discount is rounded half up
 * to whole rupiah on exact integer arithmetic, never floating point: 15% off Rp 99.999 is 14999.85, so Rp 15.000 off.
 */
public final class PromoPricing {

    private PromoPricing() {
    }

    /** Empty when no campaign applies. {@code price} is whole rupiah and not negative. */
    public static Optional<Money> promoPrice(long price, List<Campaign> activeCampaigns) {
        if (price < 0) {
            throw new IllegalArgumentException("price must not be negative: " + price);
        }
        return bestCampaign(activeCampaigns).map(best -> Money.rupiah(price - discount(price, best.discountPercent())));
    }

    /** The campaign whose percentage applies: the largest; of equal ones the first listed. */
    public static Optional<Campaign> bestCampaign(List<Campaign> activeCampaigns) {
        Campaign best = null;
        for (Campaign campaign : activeCampaigns) {
            if (best == null || campaign.discountPercent() > best.discountPercent()) {
                best = campaign;
            }
        }
        return Optional.ofNullable(best);
    }

    static long discount(long price, int percent) {
        return (Math.multiplyExact(price, percent) + 50) / 100;
    }
}
