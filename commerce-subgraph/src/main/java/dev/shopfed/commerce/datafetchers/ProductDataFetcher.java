package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.dataloaders.ShopLoader;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.model.ProductConnection;
import dev.shopfed.commerce.model.ProductFilter;
import dev.shopfed.commerce.model.Shop;
import dev.shopfed.commerce.services.CatalogueService;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class ProductDataFetcher {

    private final CatalogueService catalogue;

    public ProductDataFetcher(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @DgsQuery
    public CompletableFuture<Product> product(@InputArgument String id, DataFetchingEnvironment env) {
        return products(env).load(id);
    }

    @DgsQuery
    public ProductConnection products(@InputArgument String search, @InputArgument ProductFilter filter,
                                      @InputArgument Integer first, @InputArgument String after) {
        return catalogue.search(search, filter, first, after);
    }

    @DgsData(parentType = "Product", field = "shop")
    public CompletableFuture<Shop> shop(DataFetchingEnvironment env) {
        Product product = env.getSource();
        DataLoader<String, Shop> shops = env.getDataLoader(ShopLoader.NAME);
        return shops.load(product.shopId());
    }

    @DgsEntityFetcher(name = "Product")
    public CompletableFuture<Product> productReference(Map<String, Object> representation, DataFetchingEnvironment env) {
        String id = EntityReferences.idOf(representation);
        return EntityReferences.required(products(env).load(id), "Product", id);
    }

    static DataLoader<String, Product> products(DataFetchingEnvironment env) {
        return env.getDataLoader(ProductLoader.NAME);
    }
}
