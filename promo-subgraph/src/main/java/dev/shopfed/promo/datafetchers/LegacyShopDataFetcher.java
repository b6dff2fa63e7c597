package dev.shopfed.promo.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsDataFetchingEnvironment;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import dev.shopfed.promo.dataloaders.LegacyShopsById;
import dev.shopfed.promo.model.LegacyShop;
import dev.shopfed.promo.model.Shop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

/**
 * {@code Shop.city} and {@code rating} from promo's legacy copy, which the gateway asks for while the label
 * {@code shop-details-to-commerce} is off: on shop entities, and on a live stream's shop directly. Goes away, and
 * promo's {@code Shop} becomes a bare reference again, once commerce has taken them over for good.
 */
@DgsComponent
public class LegacyShopDataFetcher {

    /** Only shops promo holds details of resolve; the details load with the same batch as the fields below. */
    @DgsEntityFetcher(name = "Shop")
    public CompletableFuture<Shop> shop(Map<String, Object> representation, DgsDataFetchingEnvironment dfe) {
        String id = Representations.id(representation);
        return details(dfe, id).thenApply(found -> new Shop(id));
    }

    @DgsData(parentType = "Shop", field = "city")
    public CompletableFuture<String> city(DgsDataFetchingEnvironment dfe) {
        Shop shop = dfe.getSource();
        return details(dfe, shop.id()).thenApply(LegacyShop::city);
    }

    @DgsData(parentType = "Shop", field = "rating")
    public CompletableFuture<Double> rating(DgsDataFetchingEnvironment dfe) {
        Shop shop = dfe.getSource();
        return details(dfe, shop.id()).thenApply(LegacyShop::rating);
    }

    /** The shop's legacy details; an unknown shop is a NOT_FOUND error where it is asked for. */
    private static CompletableFuture<LegacyShop> details(DgsDataFetchingEnvironment dfe, String id) {
        DataLoader<String, LegacyShop> shops = dfe.getDataLoader(LegacyShopsById.class);
        return shops.load(id).thenApply(found -> Representations.found(found, "Shop", id));
    }
}
