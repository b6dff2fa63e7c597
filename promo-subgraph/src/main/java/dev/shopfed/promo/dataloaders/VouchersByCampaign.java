package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Voucher;
import dev.shopfed.promo.repositories.CampaignRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The vouchers of each campaign, by campaign id, in one query per batch. */
@DgsDataLoader(name = "vouchersByCampaign")
public class VouchersByCampaign implements MappedBatchLoader<String, List<Voucher>> {

    private final CampaignRepository campaigns;

    public VouchersByCampaign(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public CompletionStage<Map<String, List<Voucher>>> load(Set<String> keys) {
        return CompletableFuture.completedFuture(Batches.listPerKey(keys, campaigns.vouchersOf(keys)));
    }
}
