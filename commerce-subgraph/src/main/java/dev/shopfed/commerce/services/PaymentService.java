package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.model.OrderStatus;
import dev.shopfed.commerce.model.Payment;
import dev.shopfed.commerce.model.PaymentMethod;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Pays an order at most once; the payments.order_id unique constraint makes a second charge impossible. */
@Service
public class PaymentService {

    private final OrderService orders;
    private final OrderRepository orderRows;
    private final PaymentRepository payments;
    private final TransactionTemplate transaction;

    public PaymentService(OrderService orders, OrderRepository orderRows, PaymentRepository payments, TransactionTemplate transaction) {
        this.orders = orders;
        this.orderRows = orderRows;
        this.payments = payments;
        this.transaction = transaction;
    }

    public Payment pay(String userId, String orderId, String idempotencyKey, PaymentMethod method) {
        String key = Idempotency.validKey(idempotencyKey);
        Order order = orders.orderOf(userId, orderId)
                .orElseThrow(() -> CommerceException.notFound("No order with id " + orderId));
        Optional<Payment> existing = payments.findByOrderId(orderId);
        if (existing.isPresent()) {
            return replayed(existing.get(), key);
        }
        if (order.status() != OrderStatus.AWAITING_PAYMENT) {
            throw notPayable(order);
        }
        try {
            transaction.executeWithoutResult(status -> {
                // The status guard loses cleanly to a concurrent payment; that one is then found below.
                if (orderRows.markPaid(orderId)) {
                    payments.insert("pay-" + UUID.randomUUID(), orderId, key, method == null ? PaymentMethod.VIRTUAL_ACCOUNT : method,
                            order.total().amount());
                }
            });
        } catch (DuplicateKeyException paidConcurrently) {
            // fall through: the winning payment decides
        }
        return payments.findByOrderId(orderId)
                .map(payment -> replayed(payment, key))
                .orElseThrow(() -> notPayable(orders.orderOf(userId, orderId).orElse(order)));
    }

    private static Payment replayed(Payment payment, String key) {
        if (payment.idempotencyKey().equals(key)) {
            return payment;
        }
        throw new CommerceException(ErrorCode.ORDER_ALREADY_PAID, "Order " + payment.orderId() + " is already paid");
    }

    private static CommerceException notPayable(Order order) {
        if (order.status() == OrderStatus.CANCELLED) {
            return new CommerceException(ErrorCode.ORDER_CANCELLED, "Order " + order.id() + " is cancelled");
        }
        return new CommerceException(ErrorCode.ORDER_ALREADY_PAID, "Order " + order.id() + " is already paid");
    }
}
