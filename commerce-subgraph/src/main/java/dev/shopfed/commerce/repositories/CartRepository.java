package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.CartItem;
import dev.shopfed.commerce.model.QuotedPrice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
                        SELECT c.user_id, c.product_id, c.quantity, p.price, c.quoted_unit_price, c.quoted_base_price,
                               c.quoted_campaign_id, c.quote_valid_until FROM cart_items c
                        JOIN products p ON p.id = c.product_id
                        WHERE c.user_id IN (:ids) ORDER BY c.user_id, c.added_at, c.product_id""")
                .param("ids", userIds)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getString("user_id"), id -> new ArrayList<>())
                            .add(new CartItem(rs.getString("product_id"), rs.getInt("quantity"), rs.getLong("price"),
                                    quoteOf(rs)));
                });
        return byUser;
    }

    private static QuotedPrice quoteOf(ResultSet rs) throws SQLException {
        String campaign = rs.getString("quoted_campaign_id");
        if (campaign == null) {
            return null;
        }
        Instant validUntil = rs.getObject("quote_valid_until", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        return new QuotedPrice(rs.getLong("quoted_unit_price"), rs.getLong("quoted_base_price"), campaign, validUntil);
    }

    public List<CartItem> items(String userId) {
        return itemsByUser(List.of(userId)).getOrDefault(userId, List.of());
    }

    /** Adds to the line's quantity, creating the line if needed; a quote given replaces the line's one. */
    public void add(String userId, String productId, int quantity, QuotedPrice quote) {
        if (increase(userId, productId, quantity)) {
            if (quote != null) {
                setQuote(userId, productId, quote);
            }
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
        if (quote != null) {
            setQuote(userId, productId, quote);
        }
    }

    public void add(String userId, String productId, int quantity) {
        add(userId, productId, quantity, null);
    }

    private void setQuote(String userId, String productId, QuotedPrice quote) {
        jdbc.sql("""
                        UPDATE cart_items SET quoted_unit_price = :unit, quoted_base_price = :base,
                               quoted_campaign_id = :campaign, quote_valid_until = :until
                        WHERE user_id = :user AND product_id = :product""")
                .param("unit", quote.unitPrice())
                .param("base", quote.basePrice())
                .param("campaign", quote.campaignId())
                .param("until", LocalDateTime.ofInstant(quote.validUntil(), ZoneOffset.UTC))
                .param("user", userId)
                .param("product", productId)
                .update();
    }

    /** Forgets the quotes of these lines: they are charged the catalogue price from now on. */
    public void dropQuotes(String userId, Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE cart_items SET quoted_unit_price = NULL, quoted_base_price = NULL,
                               quoted_campaign_id = NULL, quote_valid_until = NULL
                        WHERE user_id = :user AND product_id IN (:products)""")
                .param("user", userId)
                .param("products", productIds)
                .update();
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
