package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.CampaignsById;
import dev.shopfed.promo.dataloaders.VouchersByCampaign;
import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.Voucher;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class CampaignDataFetcher {

    private final Clock clock;

    public CampaignDataFetcher(Clock clock) {
        this.clock = clock;
    }

    @DgsEntityFetcher(name = "Campaign")
    public CompletableFuture<Campaign> campaign(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        DataLoader<String, Campaign> campaigns = dfe.getDataLoader(CampaignsById.class);
        return campaigns.load(id).thenApply(campaign -> Representations.found(campaign, "Campaign", id));
    }

    /** Judged against the clock at request time, not stored. */
    @DgsData(parentType = "Campaign", field = "active")
    public boolean active(DgsDataFetchingEnvironment dfe) {
        Campaign campaign = dfe.getSource();
        return campaign.isActiveAt(clock.instant());
    }

    @DgsData(parentType = "Campaign", field = "startsAt")
    public String startsAt(DgsDataFetchingEnvironment dfe) {
        Campaign campaign = dfe.getSource();
        return campaign.startsAt().toString();
    }

    @DgsData(parentType = "Campaign", field = "endsAt")
    public String endsAt(DgsDataFetchingEnvironment dfe) {
        Campaign campaign = dfe.getSource();
        return campaign.endsAt().toString();
    }

    @DgsData(parentType = "Campaign", field = "vouchers")
    public CompletableFuture<List<Voucher>> vouchers(DgsDataFetchingEnvironment dfe) {
        Campaign campaign = dfe.getSource();
        DataLoader<String, List<Voucher>> vouchers = dfe.getDataLoader(VouchersByCampaign.class);
        return vouchers.load(campaign.id());
    }
}
