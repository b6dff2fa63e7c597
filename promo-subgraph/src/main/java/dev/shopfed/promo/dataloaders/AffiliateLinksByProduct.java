package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.AffiliateLink;
import dev.shopfed.promo.repositories.AffiliateLinkRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The affiliate links of each product, by product id, in one query per batch. */
@DgsDataLoader(name = "affiliateLinksByProduct")
public class AffiliateLinksByProduct implements MappedBatchLoader<String, List<AffiliateLink>> {

    private final AffiliateLinkRepository affiliateLinks;

    public AffiliateLinksByProduct(AffiliateLinkRepository affiliateLinks) {
        this.affiliateLinks = affiliateLinks;
    }

    @Override
    public CompletionStage<Map<String, List<AffiliateLink>>> load(Set<String> keys) {
        return CompletableFuture.completedFuture(Batches.listPerKey(keys, affiliateLinks.forProducts(keys)));
    }
}
