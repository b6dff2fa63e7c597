package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsData;
import com.netflix.graphql.dgs.DgsEntityFetcher;
import com.netflix.graphql.dgs.DgsQuery;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.dataloaders.OrderDiscountsLoader;
import dev.shopfed.commerce.dataloaders.OrderItemsLoader;
import dev.shopfed.commerce.dataloaders.OrderLoader;
import dev.shopfed.commerce.dataloaders.PaymentLoader;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.model.OrderDiscount;
import dev.shopfed.commerce.model.OrderItem;
import dev.shopfed.commerce.model.Payment;
import dev.shopfed.commerce.model.Product;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.OrderService;
import graphql.schema.DataFetchingEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;

@DgsComponent
public class OrderDataFetcher {

    private final Callers callers;
    private final OrderService orders;

    public OrderDataFetcher(Callers callers, OrderService orders) {
        this.callers = callers;
        this.orders = orders;
    }

    /** Only the caller's own order; anyone else's reads as null, like a missing one. */
    @DgsQuery
    public Order order(@InputArgument String id, DataFetchingEnvironment env) {
        return callers.knownUser(env).flatMap(userId -> orders.orderOf(userId, id)).orElse(null);
    }

    @DgsData(parentType = "Order", field = "items")
    public CompletableFuture<List<OrderItem>> items(DataFetchingEnvironment env) {
        Order order = env.getSource();
        DataLoader<String, List<OrderItem>> items = env.getDataLoader(OrderItemsLoader.NAME);
        return items.load(order.id()).thenApply(found -> found == null ? List.of() : found);
    }

    @DgsData(parentType = "Order", field = "discounts")
    public CompletableFuture<List<OrderDiscount>> discounts(DataFetchingEnvironment env) {
        Order order = env.getSource();
        DataLoader<String, List<OrderDiscount>> discounts = env.getDataLoader(OrderDiscountsLoader.NAME);
        return discounts.load(order.id()).thenApply(found -> found == null ? List.of() : found);
    }

    @DgsData(parentType = "OrderDiscount", field = "product")
    public CompletableFuture<Product> discountedProduct(DataFetchingEnvironment env) {
        OrderDiscount discount = env.getSource();
        return ProductDataFetcher.products(env).load(discount.productId());
    }

    @DgsData(parentType = "Order", field = "payment")
    public CompletableFuture<Payment> payment(DataFetchingEnvironment env) {
        Order order = env.getSource();
        DataLoader<String, Payment> payments = env.getDataLoader(PaymentLoader.NAME);
        return payments.load(order.id());
    }

    @DgsData(parentType = "OrderItem", field = "product")
    public CompletableFuture<Product> product(DataFetchingEnvironment env) {
        OrderItem item = env.getSource();
        return ProductDataFetcher.products(env).load(item.productId());
    }

    /** Order references resolve for their owner only, so a guessed id reveals nothing. */
    @DgsEntityFetcher(name = "Order")
    public CompletableFuture<Order> orderReference(Map<String, Object> representation, DataFetchingEnvironment env) {
        String id = EntityReferences.idOf(representation);
        DataLoader<String, Order> loader = env.getDataLoader(OrderLoader.NAME);
        String caller = Callers.claimedId(env).orElse(null);
        CompletableFuture<Order> own = loader.load(id).thenApply(order -> order != null && order.userId().equals(caller) ? order : null);
        return EntityReferences.required(own, "Order", id);
    }
}
