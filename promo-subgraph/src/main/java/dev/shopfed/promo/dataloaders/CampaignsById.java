package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.repositories.CampaignRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Campaigns by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "campaignsById")
public class CampaignsById implements MappedBatchLoader<String, Campaign> {

    private final CampaignRepository campaigns;

    public CampaignsById(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public CompletionStage<Map<String, Campaign>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(campaigns.findByIds(ids));
    }
}
