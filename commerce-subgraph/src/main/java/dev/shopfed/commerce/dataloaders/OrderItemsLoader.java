package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.OrderItem;
import dev.shopfed.commerce.repositories.OrderRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

@DgsDataLoader(name = OrderItemsLoader.NAME)
public class OrderItemsLoader implements MappedBatchLoader<String, List<OrderItem>> {

    public static final String NAME = "orderItems";

    private final OrderRepository orders;

    public OrderItemsLoader(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public CompletionStage<Map<String, List<OrderItem>>> load(Set<String> orderIds) {
        return CompletableFuture.completedFuture(orders.itemsByOrder(orderIds));
    }
}
