package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Payment;
import dev.shopfed.commerce.model.PaymentMethod;
import dev.shopfed.commerce.model.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaymentRepository {

    private static final String COLUMNS = "id, order_id, idempotency_key, method, status, amount, paid_at";

    private final JdbcClient jdbc;

    public PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Payment> findByOrderIds(Collection<String> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM payments WHERE order_id IN (:ids)")
                .param("ids", orderIds)
                .query(PaymentRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Payment::orderId, Function.identity()));
    }

    public Optional<Payment> findByOrderId(String orderId) {
        return Optional.ofNullable(findByOrderIds(List.of(orderId)).get(orderId));
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the order already has a payment. */
    public void insert(String id, String orderId, String idempotencyKey, PaymentMethod method, long amount) {
        jdbc.sql("""
                        INSERT INTO payments (id, order_id, idempotency_key, method, status, amount, paid_at)
                        VALUES (:id, :order, :key, :method, :status, :amount, :now)""")
                .param("id", id)
                .param("order", orderId)
                .param("key", idempotencyKey)
                .param("method", method.name())
                .param("status", PaymentStatus.SUCCEEDED.name())
                .param("amount", amount)
                .param("now", Timestamps.nowUtc())
                .update();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM payments").query(Integer.class).single();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        return new Payment(
                rs.getString("id"),
                rs.getString("order_id"),
                rs.getString("idempotency_key"),
                PaymentStatus.valueOf(rs.getString("status")),
                PaymentMethod.valueOf(rs.getString("method")),
                Money.rupiah(rs.getLong("amount")),
                Timestamps.iso(rs, "paid_at"));
    }
}
