package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Products by id: every product reference in one request becomes one query. */
@DgsDataLoader(name = ProductLoader.NAME)
public class ProductLoader implements MappedBatchLoader<String, Product> {

    public static final String NAME = "products";

    private final ProductRepository products;

    public ProductLoader(ProductRepository products) {
        this.products = products;
    }

    @Override
    public CompletionStage<Map<String, Product>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(products.findByIds(ids));
    }
}
