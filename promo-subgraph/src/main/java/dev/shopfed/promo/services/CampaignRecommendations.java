package dev.shopfed.promo.services;

import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.CampaignTarget;
import dev.shopfed.promo.model.PurchaseHistory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaigns for what a buyer bought. A campaign qualifies when the history hits at least one of its targets (a
 * bought category or a shop bought from); the more targets it hits, the better the match. Equal matches go by the
 * bigger discount, then by the order the targets came in (campaign order).
 */
public final class CampaignRecommendations {

    private CampaignRecommendations() {
    }

    /** {@code targets}: the candidate campaigns' targets, in campaign order; targets the history misses are ignored. */
    public static List<Campaign> rank(PurchaseHistory history, List<CampaignTarget> targets) {
        Map<Campaign, Integer> hits = new LinkedHashMap<>();
        for (CampaignTarget target : targets) {
            if (target.hitBy(history)) {
                hits.merge(target.campaign(), 1, Integer::sum);
            }
        }
        // sorted is stable on an ordered stream: campaigns equal on hits and discount keep their campaign order.
        return hits.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Campaign, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Comparator.comparingInt(
                                (Map.Entry<Campaign, Integer> entry) -> entry.getKey().discountPercent()).reversed()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
