package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Shop;
import dev.shopfed.commerce.repositories.ShopRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

@DgsDataLoader(name = ShopLoader.NAME)
public class ShopLoader implements MappedBatchLoader<String, Shop> {

    public static final String NAME = "shops";

    private final ShopRepository shops;

    public ShopLoader(ShopRepository shops) {
        this.shops = shops;
    }

    @Override
    public CompletionStage<Map<String, Shop>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(shops.findByIds(ids));
    }
}
