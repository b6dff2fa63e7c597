package dev.shopfed.commerce.datafetchers;

import com.netflix.graphql.dgs.DgsComponent;
import com.netflix.graphql.dgs.DgsMutation;
import com.netflix.graphql.dgs.InputArgument;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.model.Payment;
import dev.shopfed.commerce.model.PaymentMethod;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.OrderService;
import dev.shopfed.commerce.services.PaymentService;
import graphql.schema.DataFetchingEnvironment;

@DgsComponent
public class CheckoutDataFetcher {

    private final Callers callers;
    private final OrderService orders;
    private final PaymentService payments;

    public CheckoutDataFetcher(Callers callers, OrderService orders, PaymentService payments) {
        this.callers = callers;
        this.orders = orders;
        this.payments = payments;
    }

    @DgsMutation
    public Order checkout(@InputArgument String idempotencyKey, DataFetchingEnvironment env) {
        return orders.checkout(callers.requireUser(env), idempotencyKey);
    }

    @DgsMutation
    public Payment payOrder(@InputArgument String orderId, @InputArgument String idempotencyKey,
                            @InputArgument PaymentMethod method, DataFetchingEnvironment env) {
        return payments.pay(callers.requireUser(env), orderId, idempotencyKey, method);
    }
}
