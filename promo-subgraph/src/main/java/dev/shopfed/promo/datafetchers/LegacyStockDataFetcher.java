package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import dev.shopfed.promo.dataloaders.LegacyStockByProduct;
import dev.shopfed.promo.errors.PromoException;
import dev.shopfed.promo.model.Product;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code Product.stock} and {@code inStock} from promo's legacy copy, which the gateway asks for while the label
 * {@code stock-to-commerce} is off. inStock follows from the same stock as in commerce ({@code stock > 0}), so the two
 * fields never disagree whichever backend answers. Goes away once commerce has taken stock over for good.
 */
@DgsComponent
public class LegacyStockDataFetcher {

    @DgsData(parentType = "Product", field = "stock")
    public CompletableFuture<Integer> stock(DgsDataFetchingEnvironment dfe) {
        return legacyStock(dfe);
    }

    @DgsData(parentType = "Product", field = "inStock")
    public CompletableFuture<Boolean> inStock(DgsDataFetchingEnvironment dfe) {
        return legacyStock(dfe).thenApply(stock -> stock > 0);
    }

    private static CompletableFuture<Integer> legacyStock(DgsDataFetchingEnvironment dfe) {
        Product product = dfe.getSource();
        DataLoader<String, Integer> stock = dfe.getDataLoader(LegacyStockByProduct.class);
        return stock.load(product.id()).thenApply(units -> {
            if (units == null) {
                throw PromoException.notFound("Legacy stock of Product", product.id());
            }
            return units;
        });
    }
}
