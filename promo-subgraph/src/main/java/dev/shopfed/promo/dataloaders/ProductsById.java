package dev.shopfed.promo.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.promo.model.Product;
import dev.shopfed.promo.repositories.ProductRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Products in promo's catalogue snapshot by id, one query per batch; unknown ids are absent. */
@DgsDataLoader(name = "productsById")
public class ProductsById implements MappedBatchLoader<String, Product> {

    private final ProductRepository products;

    public ProductsById(ProductRepository products) {
        this.products = products;
    }

    @Override
    public CompletionStage<Map<String, Product>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(products.findByIds(ids));
    }
}
