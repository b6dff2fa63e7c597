package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.repositories.LegacyCatalogueRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Promo's legacy stock by product id, one query per batch; products without a legacy row are absent. */
@DgsDataLoader(name = "legacyStockByProduct")
public class LegacyStockByProduct implements MappedBatchLoader<String, Integer> {

    private final LegacyCatalogueRepository legacy;

    public LegacyStockByProduct(LegacyCatalogueRepository legacy) {
        this.legacy = legacy;
    }

    @Override
    public CompletionStage<Map<String, Integer>> load(Set<String> productIds) {
        return CompletableFuture.completedFuture(legacy.stockByProductIds(productIds));
    }
}
