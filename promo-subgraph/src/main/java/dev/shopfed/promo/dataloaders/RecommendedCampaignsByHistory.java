package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.CampaignTarget;
import dev.shopfed.promo.model.PurchaseHistory;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.services.CampaignRecommendations;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/**
 * The campaigns active now recommended for each purchase history, best match first, in one query per batch: the
 * targets any history in the batch could hit are read once, then ranked per history.
 */
@DgsDataLoader(name = "recommendedCampaignsByHistory")
public class RecommendedCampaignsByHistory implements MappedBatchLoader<PurchaseHistory, List<Campaign>> {

    private final CampaignRepository campaigns;
    private final Clock clock;

    public RecommendedCampaignsByHistory(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Map<PurchaseHistory, List<Campaign>>> load(Set<PurchaseHistory> histories) {
        Set<String> categories = new TreeSet<>();
        Set<String> shopIds = new TreeSet<>();
        histories.forEach(history -> {
            categories.addAll(history.categories());
            shopIds.addAll(history.shopIds());
        });
        List<CampaignTarget> targets = campaigns.activeTargeting(categories, shopIds, clock.instant());
        Map<PurchaseHistory, List<Campaign>> result = new HashMap<>();
        for (PurchaseHistory history : histories) {
            result.put(history, CampaignRecommendations.rank(history, targets));
        }
        return CompletableFuture.completedFuture(result);
    }
}
