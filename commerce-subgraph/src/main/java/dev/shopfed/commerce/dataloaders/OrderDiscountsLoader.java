package dev.shopfed.commerce.dataloaders;

import com.netflix.graphql.dgs.DgsDataLoader;
import dev.shopfed.commerce.model.OrderDiscount;
import dev.shopfed.commerce.repositories.OrderRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dataloader.MappedBatchLoader;

@DgsDataLoader(name = OrderDiscountsLoader.NAME)
public class OrderDiscountsLoader implements MappedBatchLoader<String, List<OrderDiscount>> {

    public static final String NAME = "orderDiscounts";

    private final OrderRepository orders;

    public OrderDiscountsLoader(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public CompletionStage<Map<String, List<OrderDiscount>>> load(Set<String> orderIds) {
        return CompletableFuture.completedFuture(orders.discountsByOrder(orderIds));
    }
}
