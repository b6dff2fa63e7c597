package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.CartItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CartRepository {

    private final JdbcClient jdbc;

    public CartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cart lines of every listed user with current prices, oldest line first, in one query. */
    public Map<String, List<CartItem>> itemsByUser(Collection<String> userIds) {
        Map<String, List<CartItem>> byUser = new HashMap<>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        jdbc.sql("""
                        SELECT c.user_id, c.product_id, c.quantity, p.price FROM cart_items c
                        JOIN products p ON p.id = c.product_id
                        WHERE c.user_id IN (:ids) ORDER BY c.user_id, c.added_at, c.product_id""")
                .param("ids", userIds)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getString("user_id"), id -> new ArrayList<>())
                            .add(new CartItem(rs.getString("product_id"), rs.getInt("quantity"), rs.getLong("price")));
                });
        return byUser;
    }

    public List<CartItem> items(String userId) {
        return itemsByUser(List.of(userId)).getOrDefault(userId, List.of());
    }

    /** Adds to the line's quantity, creating the line if needed. */
    public void add(String userId, String productId, int quantity) {
        if (increase(userId, productId, quantity)) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES (:user, :product, :quantity, :now)")
                    .param("user", userId)
                    .param("product", productId)
                    .param("quantity", quantity)
                    .param("now", Timestamps.nowUtc())
                    .update();
        } catch (DuplicateKeyException concurrentInsert) {
            increase(userId, productId, quantity);
        }
    }

    private boolean increase(String userId, String productId, int quantity) {
        return jdbc.sql("UPDATE cart_items SET quantity = quantity + :quantity WHERE user_id = :user AND product_id = :product")
                .param("quantity", quantity)
                .param("user", userId)
                .param("product", productId)
                .update() == 1;
    }

    public void remove(String userId, String productId) {
        jdbc.sql("DELETE FROM cart_items WHERE user_id = :user AND product_id = :product")
                .param("user", userId)
                .param("product", productId)
                .update();
    }

    public void clear(String userId) {
        jdbc.sql("DELETE FROM cart_items WHERE user_id = :user").param("user", userId).update();
    }
}
