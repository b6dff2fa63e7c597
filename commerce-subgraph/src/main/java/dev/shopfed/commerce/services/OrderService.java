package dev.shopfed.commerce.services;

import dev.shopfed.commerce.errors.CommerceException;
import dev.shopfed.commerce.errors.ErrorCode;
import dev.shopfed.commerce.model.Cart;
import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
public class OrderService {

    private final OrderRepository orders;
    private final CartRepository carts;
    private final ProductRepository products;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public OrderService(OrderRepository orders, CartRepository carts, ProductRepository products,
                        TransactionTemplate transaction, Clock clock) {
        this.orders = orders;
        this.carts = carts;
        this.products = products;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Orders are private: someone else's order looks exactly like a missing one. */
    public Optional<Order> orderOf(String userId, String orderId) {
        return orders.findById(orderId).filter(order -> order.userId().equals(userId));
    }

    /**
     * Turns the cart into an order, reserving all stock or none. Replaying a key returns the first
     * order; the (user, key) unique constraint settles concurrent replays.
     */
    public Order checkout(String userId, String idempotencyKey) {
        String key = Idempotency.validKey(idempotencyKey);
        Optional<Order> replay = orders.findByIdempotencyKey(userId, key);
        if (replay.isPresent()) {
            return replay.get();
        }
        try {
            String orderId = transaction.execute(status -> placeOrder(userId, key));
            return orders.findById(orderId).orElseThrow();
        } catch (QuotesLapsed lapsed) {
            throw repriced(userId, lapsed.productIds);
        } catch (DuplicateKeyException sameKeyConcurrently) {
            return orders.findByIdempotencyKey(userId, key).orElseThrow(() -> sameKeyConcurrently);
        } catch (CommerceException failure) {
            // A concurrent replay may have committed the order, and emptied the cart, since the check above.
            if (failure.code() == ErrorCode.EMPTY_CART) {
                return orders.findByIdempotencyKey(userId, key).orElseThrow(() -> failure);
            }
            throw failure;
        }
    }

    private String placeOrder(String userId, String key) {
        List<CartItem> items = carts.items(userId);
        if (items.isEmpty()) {
            throw new CommerceException(ErrorCode.EMPTY_CART, "The cart is empty");
        }
        Instant now = clock.instant();
        List<String> lapsed = items.stream().filter(item -> item.quoteLapsedAt(now)).map(CartItem::productId).toList();
        if (!lapsed.isEmpty()) {
            throw new QuotesLapsed(lapsed); // rolls back; nothing is charged at a price the cart no longer shows
        }
        long total = totalOf(items);
        String orderId = "ord-" + UUID.randomUUID();
        orders.insert(orderId, userId, total, key);

        // Reserve in product-id order so that concurrent checkouts lock rows in the same order.
        List<CartItem> byProduct = items.stream().sorted(Comparator.comparing(CartItem::productId)).toList();
        for (CartItem item : byProduct) {
            if (!products.reserveStock(item.productId(), item.quantity())) {
                // Throwing rolls back the order and every reservation made so far.
                throw new CommerceException(ErrorCode.INSUFFICIENT_STOCK,
                        "Not enough stock of product " + item.productId() + " for " + item.quantity() + " units");
            }
        }
        for (int line = 0; line < items.size(); line++) {
            CartItem item = items.get(line);
            orders.insertItem(orderId, line + 1, item.productId(), item.quantity(), item.unitPrice());
        }
        int discountLine = 0;
        for (CartItem item : items) {
            if (item.discountRupiah() > 0) {
                orders.insertDiscount(orderId, ++discountLine, item.productId(), item.quote().campaignId(),
                        item.discountRupiah());
            }
        }
        carts.clear(userId);
        return orderId;
    }

    /** Drops the lapsed quotes, so the cart shows what the next checkout charges, and says what that is. */
    private CommerceException repriced(String userId, List<String> productIds) {
        carts.dropQuotes(userId, productIds);
        Cart cart = Cart.pricedAt(userId, carts.items(userId), clock.instant());
        Money total = cart.total();
        return new CommerceException(ErrorCode.PRICE_CHANGED,
                "The campaign price of " + String.join(", ", productIds) + " no longer applies: the cart now totals "
                        + total.formatted() + ". Nothing was charged; check out again to order at that price.",
                Map.of("total", Map.of("amount", total.amount(), "currency", total.currency(),
                        "formatted", total.formatted()), "productIds", productIds));
    }

    /** Catalogue prices less the quoted campaign discounts. */
    private static long totalOf(List<CartItem> items) {
        long total = 0;
        for (CartItem item : items) {
            total = Math.addExact(total, Math.multiplyExact(item.unitPrice(), (long) item.quantity()));
            total = Math.subtractExact(total, item.discountRupiah());
        }
        if (total > Integer.MAX_VALUE) {
            throw new CommerceException(ErrorCode.TOTAL_TOO_LARGE,
                    "The order total " + total + " rupiah exceeds the largest payable amount, " + Money.rupiah(Integer.MAX_VALUE).formatted());
        }
        return total;
    }

    /** A quote in the cart lapsed: thrown inside the transaction to roll it back. */
    private static final class QuotesLapsed extends RuntimeException {

        private final List<String> productIds;

        QuotesLapsed(List<String> productIds) {
            super(null, null, false, false);
            this.productIds = productIds;
        }
    }
}
