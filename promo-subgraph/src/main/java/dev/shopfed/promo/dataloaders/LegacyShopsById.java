package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.LegacyShop;
import dev.shopfed.promo.repositories.LegacyCatalogueRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Promo's legacy shop details by shop id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "legacyShopsById")
public class LegacyShopsById implements MappedBatchLoader<String, LegacyShop> {

    private final LegacyCatalogueRepository legacy;

    public LegacyShopsById(LegacyCatalogueRepository legacy) {
        this.legacy = legacy;
    }

    @Override
    public CompletionStage<Map<String, LegacyShop>> load(Set<String> shopIds) {
        return CompletableFuture.completedFuture(legacy.shopsByIds(shopIds));
    }
}
