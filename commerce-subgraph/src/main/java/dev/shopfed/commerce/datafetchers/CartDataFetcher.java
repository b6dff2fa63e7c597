package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.CartService;
import graphql.schema.DataFetchingEnvironment;
import java.util.concurrent.CompletableFuture;

@DgsComponent
public class CartDataFetcher {

    private final Callers callers;
    private final CartService carts;

    public CartDataFetcher(Callers callers, CartService carts) {
        this.callers = callers;
        this.carts = carts;
    }

    @DgsMutation
    public Cart addToCart(@InputArgument String productId, @InputArgument Integer quantity,
                          @InputArgument String priceQuote, DataFetchingEnvironment env) {
        String userId = callers.requireUser(env);
        return carts.add(userId, productId, quantity == null ? 1 : quantity, priceQuote);
    }

    @DgsMutation
    public Cart removeFromCart(@InputArgument String productId, DataFetchingEnvironment env) {
        String userId = callers.requireUser(env);
        return carts.remove(userId, productId);
    }

    @DgsData(parentType = "CartItem", field = "product")
    public CompletableFuture<Product> product(DataFetchingEnvironment env) {
        CartItem item = env.getSource();
        return ProductDataFetcher.products(env).load(item.productId());
    }
}
