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

/** The products shown in each live stream, by stream id, in one query per batch. */
@DgsDataLoader(name = "productsByLiveStream")
public class ProductsByLiveStream implements MappedBatchLoader<String, List<Product>> {

    private final ProductRepository products;

    public ProductsByLiveStream(ProductRepository products) {
        this.products = products;
    }

    @Override
    public CompletionStage<Map<String, List<Product>>> load(Set<String> keys) {
        return CompletableFuture.completedFuture(Batches.listPerKey(keys, products.shownIn(keys)));
    }
}
