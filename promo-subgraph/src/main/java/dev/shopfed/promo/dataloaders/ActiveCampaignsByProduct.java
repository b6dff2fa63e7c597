package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.repositories.CampaignRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/**
 * The campaigns active now that cover each product, best discount first, by product id, in one query per batch.
 * Both {@code Product.activeCampaigns} and {@code Product.promoPrice} read it, so they always agree.
 */
@DgsDataLoader(name = "activeCampaignsByProduct")
public class ActiveCampaignsByProduct implements MappedBatchLoader<String, List<Campaign>> {

    private final CampaignRepository campaigns;
    private final Clock clock;

    public ActiveCampaignsByProduct(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Map<String, List<Campaign>>> load(Set<String> productIds) {
        return CompletableFuture.completedFuture(
                Batches.listPerKey(productIds, campaigns.activeFor(productIds, clock.instant())));
    }
}
