package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.repositories.CartRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Carts by user id; a user without lines has an empty cart. */
@DgsDataLoader(name = CartLoader.NAME)
public class CartLoader implements MappedBatchLoader<String, Cart> {

    public static final String NAME = "carts";

    private final CartRepository carts;
    private final Clock clock;

    public CartLoader(CartRepository carts, Clock clock) {
        this.carts = carts;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Map<String, Cart>> load(Set<String> userIds) {
        Map<String, List<CartItem>> items = carts.itemsByUser(userIds);
        Map<String, Cart> byUser = new HashMap<>();
        Instant now = clock.instant();
        for (String userId : userIds) {
            byUser.put(userId, Cart.pricedAt(userId, items.getOrDefault(userId, List.of()), now));
        }
        return CompletableFuture.completedFuture(byUser);
    }
}
