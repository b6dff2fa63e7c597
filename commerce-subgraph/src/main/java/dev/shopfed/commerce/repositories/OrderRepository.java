package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Order;
import dev.shopfed.commerce.model.OrderDiscount;
import dev.shopfed.commerce.model.OrderItem;
import dev.shopfed.commerce.model.OrderStatus;
import dev.shopfed.commerce.model.PurchaseHistory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class OrderRepository {

    private static final String COLUMNS = "o.id, o.user_id, o.status, o.total, o.created_at";

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Order> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders o WHERE o.id IN (:ids)")
                .param("ids", ids)
                .query(OrderRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Order::id, Function.identity()));
    }

    public Optional<Order> findById(String id) {
        return Optional.ofNullable(findByIds(List.of(id)).get(id));
    }

    public Optional<Order> findByIdempotencyKey(String userId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders o WHERE o.user_id = :user AND o.idempotency_key = :key")
                .param("user", userId)
                .param("key", idempotencyKey)
                .query(OrderRepository::map)
                .optional();
    }

    /** The newest {@code first} orders of every listed user, in one query. */
    public Map<String, List<Order>> latestByUser(Collection<String> userIds, int first) {
        Map<String, List<Order>> byUser = new HashMap<>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        jdbc.sql("""
                        SELECT * FROM (
                          SELECT %s, ROW_NUMBER() OVER (PARTITION BY o.user_id ORDER BY o.created_at DESC, o.id DESC) AS pos
                          FROM orders o WHERE o.user_id IN (:ids)
                        ) ranked WHERE pos <= :first ORDER BY user_id, pos""".formatted(COLUMNS))
                .param("ids", userIds)
                .param("first", first)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getString("user_id"), id -> new ArrayList<>()).add(map(rs, 0));
                });
        return byUser;
    }

    /**
     * The distinct category names and shop ids of the products in every listed user's PAID orders, sorted as text, in
     * one query (the UNION drops the duplicates); users without paid orders are absent. Awaiting-payment and
     * cancelled orders were never bought, and LEGACY is a category the app never shows, so neither counts.
     */
    public Map<String, PurchaseHistory> purchaseHistoryByUser(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> categories = new HashMap<>();
        Map<String, List<String>> shopIds = new HashMap<>();
        jdbc.sql("""
                        SELECT o.user_id, 'category' AS kind, p.category AS item
                        FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
                        WHERE o.user_id IN (:ids) AND o.status = 'PAID' AND p.category <> 'LEGACY'
                        UNION
                        SELECT o.user_id, 'shop' AS kind, p.shop_id AS item
                        FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
                        WHERE o.user_id IN (:ids) AND o.status = 'PAID' AND p.category <> 'LEGACY'
                        ORDER BY user_id, kind, item""")
                .param("ids", userIds)
                .query(rs -> {
                    Map<String, List<String>> target = rs.getString("kind").equals("category") ? categories : shopIds;
                    target.computeIfAbsent(rs.getString("user_id"), id -> new ArrayList<>()).add(rs.getString("item"));
                });
        Map<String, PurchaseHistory> byUser = new HashMap<>();
        for (String userId : categories.keySet()) {
            byUser.put(userId, new PurchaseHistory(categories.get(userId), shopIds.getOrDefault(userId, List.of())));
        }
        return byUser;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the user already used the key. */
    public void insert(String id, String userId, long total, String idempotencyKey) {
        jdbc.sql("""
                        INSERT INTO orders (id, user_id, status, total, idempotency_key, created_at)
                        VALUES (:id, :user, :status, :total, :key, :now)""")
                .param("id", id)
                .param("user", userId)
                .param("status", OrderStatus.AWAITING_PAYMENT.name())
                .param("total", total)
                .param("key", idempotencyKey)
                .param("now", Timestamps.nowUtc())
                .update();
    }

    public void insertItem(String orderId, int lineNo, String productId, int quantity, long unitPrice) {
        jdbc.sql("""
                        INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price)
                        VALUES (:order, :line, :product, :quantity, :price)""")
                .param("order", orderId)
                .param("line", lineNo)
                .param("product", productId)
                .param("quantity", quantity)
                .param("price", unitPrice)
                .update();
    }

    public void insertDiscount(String orderId, int lineNo, String productId, String campaignId, long amount) {
        jdbc.sql("""
                        INSERT INTO order_discounts (order_id, line_no, product_id, campaign_id, amount)
                        VALUES (:order, :line, :product, :campaign, :amount)""")
                .param("order", orderId)
                .param("line", lineNo)
                .param("product", productId)
                .param("campaign", campaignId)
                .param("amount", amount)
                .update();
    }

    public Map<String, List<OrderDiscount>> discountsByOrder(Collection<String> orderIds) {
        Map<String, List<OrderDiscount>> byOrder = new HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        jdbc.sql("""
                        SELECT order_id, product_id, campaign_id, amount FROM order_discounts
                        WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
                .param("ids", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderDiscount(rs.getString("product_id"), rs.getString("campaign_id"),
                                    Money.rupiah(rs.getLong("amount"))));
                });
        return byOrder;
    }

    /** Moves an order from AWAITING_PAYMENT to PAID; false when it was not awaiting payment. */
    public boolean markPaid(String orderId) {
        return jdbc.sql("UPDATE orders SET status = 'PAID' WHERE id = :id AND status = 'AWAITING_PAYMENT'")
                .param("id", orderId)
                .update() == 1;
    }

    public Map<String, List<OrderItem>> itemsByOrder(Collection<String> orderIds) {
        Map<String, List<OrderItem>> byOrder = new HashMap<>();
        if (orderIds.isEmpty()) {
            return byOrder;
        }
        jdbc.sql("""
                        SELECT order_id, product_id, quantity, unit_price FROM order_items
                        WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
                .param("ids", orderIds)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>())
                            .add(new OrderItem(rs.getString("product_id"), rs.getInt("quantity"),
                                    Money.rupiah(rs.getLong("unit_price"))));
                });
        return byOrder;
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM orders").query(Integer.class).single();
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(
                rs.getString("id"),
                rs.getString("user_id"),
                OrderStatus.valueOf(rs.getString("status")),
                Money.rupiah(rs.getLong("total")),
                Timestamps.iso(rs, "created_at"));
    }
}
