package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.PurchaseHistory;
import dev.shopfed.commerce.repositories.OrderRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

/** Purchase histories by user id, one query per batch; a user without paid orders has an empty history. */
@DgsDataLoader(name = PurchaseHistoryLoader.NAME)
public class PurchaseHistoryLoader implements MappedBatchLoader<String, PurchaseHistory> {

    public static final String NAME = "purchaseHistories";

    private final OrderRepository orders;

    public PurchaseHistoryLoader(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public CompletionStage<Map<String, PurchaseHistory>> load(Set<String> userIds) {
        Map<String, PurchaseHistory> found = orders.purchaseHistoryByUser(userIds);
        Map<String, PurchaseHistory> byUser = new HashMap<>();
        for (String userId : userIds) {
            byUser.put(userId, found.getOrDefault(userId, PurchaseHistory.EMPTY));
        }
        return CompletableFuture.completedFuture(byUser);
    }
}
