package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.repositories.OrderRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.dataloader.MappedBatchLoader;

/** {@code User.orders(first)}, newest first; one query per distinct {@code first}. */
@DgsDataLoader(name = UserOrdersLoader.NAME)
public class UserOrdersLoader implements MappedBatchLoader<UserOrdersLoader.Key, List<Order>> {

    public static final String NAME = "userOrders";

    public record Key(String userId, int first) {
    }

    private final OrderRepository orders;

    public UserOrdersLoader(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public CompletionStage<Map<Key, List<Order>>> load(Set<Key> keys) {
        Map<Integer, List<Key>> byFirst = keys.stream().collect(Collectors.groupingBy(Key::first));
        Map<Key, List<Order>> result = new HashMap<>();
        byFirst.forEach((first, group) -> {
            Map<String, List<Order>> byUser = orders.latestByUser(group.stream().map(Key::userId).toList(), first);
            group.forEach(key -> result.put(key, byUser.getOrDefault(key.userId(), List.of())));
        });
        return CompletableFuture.completedFuture(result);
    }
}
