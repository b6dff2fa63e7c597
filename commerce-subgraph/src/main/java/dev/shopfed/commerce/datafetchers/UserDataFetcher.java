package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.dataloaders.AddressLoader;
import dev.shopfed.commerce.dataloaders.CartLoader;
import dev.shopfed.commerce.dataloaders.PurchaseHistoryLoader;
import dev.shopfed.commerce.dataloaders.UserLoader;
import dev.shopfed.commerce.dataloaders.UserOrdersLoader;
import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Address;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.model.PurchaseHistory;
import dev.shopfed.commerce.model.User;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.Pagination;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class UserDataFetcher {

    private final Callers callers;

    public UserDataFetcher(Callers callers) {
        this.callers = callers;
    }

    @DgsQuery
    public User me(DataFetchingEnvironment env) {
        return callers.knownUser(env).map(User::new).orElse(null);
    }

    @DgsData(parentType = "User", field = "addresses")
    public CompletableFuture<List<Address>> addresses(DataFetchingEnvironment env) {
        User user = self(env, "addresses");
        DataLoader<String, List<Address>> addresses = env.getDataLoader(AddressLoader.NAME);
        return addresses.load(user.id()).thenApply(found -> found == null ? List.of() : found);
    }

    @DgsData(parentType = "User", field = "cart")
    public CompletableFuture<Cart> cart(DataFetchingEnvironment env) {
        User user = self(env, "cart");
        DataLoader<String, Cart> carts = env.getDataLoader(CartLoader.NAME);
        return carts.load(user.id());
    }

    @DgsData(parentType = "User", field = "orders")
    public CompletableFuture<List<Order>> orders(@InputArgument Integer first, DataFetchingEnvironment env) {
        User user = self(env, "orders");
        DataLoader<UserOrdersLoader.Key, List<Order>> orders = env.getDataLoader(UserOrdersLoader.NAME);
        return orders.load(new UserOrdersLoader.Key(user.id(), Pagination.pageSize(first)));
    }

    /**
     * Personal data, like the cart: the buyer's own only. When promo @requires it, the gateway fetches it here with
     * the buyer's own token, so another buyer's id is refused like their cart.
     */
    @DgsData(parentType = "User", field = "purchaseHistory")
    public CompletableFuture<PurchaseHistory> purchaseHistory(DataFetchingEnvironment env) {
        User user = self(env, "purchase history");
        DataLoader<String, PurchaseHistory> histories = env.getDataLoader(PurchaseHistoryLoader.NAME);
        return histories.load(user.id());
    }

    @DgsEntityFetcher(name = "User")
    public CompletableFuture<User> userReference(Map<String, Object> representation, DataFetchingEnvironment env) {
        String id = EntityReferences.idOf(representation);
        DataLoader<String, User> users = env.getDataLoader(UserLoader.NAME);
        return EntityReferences.required(users.load(id), "User", id);
    }

    /** A buyer's addresses, cart, orders and purchase history are visible to that buyer only. */
    private static User self(DataFetchingEnvironment env, String field) {
        User user = env.getSource();
        if (!Callers.isSelf(env, user.id())) {
            throw new CommerceException(ErrorCode.FORBIDDEN, "Only user " + user.id() + " may see their " + field);
        }
        return user;
    }
}
