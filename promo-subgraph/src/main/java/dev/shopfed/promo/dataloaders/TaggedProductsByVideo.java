package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Product;
import dev.shopfed.promo.repositories.ProductRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** The products tagged in each video (with promo's snapshot name), by video id, in one query per batch. */
@DgsDataLoader(name = "taggedProductsByVideo")
public class TaggedProductsByVideo implements MappedBatchLoader<String, List<Product>> {

    private final ProductRepository products;

    public TaggedProductsByVideo(ProductRepository products) {
        this.products = products;
    }

    @Override
    public CompletionStage<Map<String, List<Product>>> load(Set<String> keys) {
        return CompletableFuture.completedFuture(Batches.listPerKey(keys, products.taggedIn(keys)));
    }
}
