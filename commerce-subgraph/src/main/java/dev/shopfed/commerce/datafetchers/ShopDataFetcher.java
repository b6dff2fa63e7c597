package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.dataloaders.ShopLoader;
import dev.shopfed.commerce.dataloaders.ShopProductsLoader;
import dev.shopfed.commerce.model.ProductConnection;
import dev.shopfed.commerce.model.Shop;
import dev.shopfed.commerce.repositories.CataloguePage;
import dev.shopfed.commerce.repositories.ShopRepository;
import dev.shopfed.commerce.services.CatalogueService;
import dev.shopfed.commerce.services.Pagination;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class ShopDataFetcher {

    private final ShopRepository shops;

    public ShopDataFetcher(ShopRepository shops) {
        this.shops = shops;
    }

    @DgsQuery
    public CompletableFuture<Shop> shop(@InputArgument String id, DataFetchingEnvironment env) {
        return shopLoader(env).load(id);
    }

    @DgsQuery
    public List<Shop> shops(@InputArgument String city) {
        return shops.findAll(city);
    }

    @DgsData(parentType = "Shop", field = "products")
    public CompletableFuture<ProductConnection> products(@InputArgument Integer first, @InputArgument String after,
                                                         DataFetchingEnvironment env) {
        Shop shop = env.getSource();
        DataLoader<ShopProductsLoader.Key, CataloguePage> pages = env.getDataLoader(ShopProductsLoader.NAME);
        ShopProductsLoader.Key key = new ShopProductsLoader.Key(shop.id(), Pagination.pageSize(first), Pagination.afterSeq(after));
        return pages.load(key).thenApply(CatalogueService::connectionOf);
    }

    @DgsEntityFetcher(name = "Shop")
    public CompletableFuture<Shop> shopReference(Map<String, Object> representation, DataFetchingEnvironment env) {
        String id = EntityReferences.idOf(representation);
        return EntityReferences.required(shopLoader(env).load(id), "Shop", id);
    }

    private static DataLoader<String, Shop> shopLoader(DataFetchingEnvironment env) {
        return env.getDataLoader(ShopLoader.NAME);
    }
}
