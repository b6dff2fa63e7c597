package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.repositories.CataloguePage;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.dataloader.MappedBatchLoader;

/**
 * {@code Shop.products(first, after)} for many shops. Keys sharing the same arguments (the usual
 * case: one field in one query) are served by one query.
 */
@DgsDataLoader(name = ShopProductsLoader.NAME)
public class ShopProductsLoader implements MappedBatchLoader<ShopProductsLoader.Key, CataloguePage> {

    public static final String NAME = "shopProducts";

    public record Key(String shopId, int first, int afterSeq) {
        Arguments arguments() {
            return new Arguments(first, afterSeq);
        }
    }

    private record Arguments(int first, int afterSeq) {
    }

    private final ProductRepository products;

    public ShopProductsLoader(ProductRepository products) {
        this.products = products;
    }

    @Override
    public CompletionStage<Map<Key, CataloguePage>> load(Set<Key> keys) {
        Map<Arguments, List<Key>> byArguments = keys.stream().collect(Collectors.groupingBy(Key::arguments));
        Map<Key, CataloguePage> pages = new HashMap<>();
        byArguments.forEach((arguments, group) -> {
            List<String> shopIds = group.stream().map(Key::shopId).toList();
            Map<String, CataloguePage> byShop = products.pagesByShop(shopIds, arguments.first(), arguments.afterSeq());
            group.forEach(key -> pages.put(key, byShop.get(key.shopId())));
        });
        return CompletableFuture.completedFuture(pages);
    }
}
