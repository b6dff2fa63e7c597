package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.repositories.OrderRepository;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

@DgsDataLoader(name = OrderLoader.NAME)
public class OrderLoader implements MappedBatchLoader<String, Order> {

    public static final String NAME = "orders";

    private final OrderRepository orders;

    public OrderLoader(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public CompletionStage<Map<String, Order>> load(Set<String> ids) {
        return CompletableFuture.completedFuture(orders.findByIds(ids));
    }
}
