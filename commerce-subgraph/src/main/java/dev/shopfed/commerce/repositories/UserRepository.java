package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Address;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> existingIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM users WHERE id IN (:ids)").param("ids", ids).query(String.class).list());
    }

    public boolean exists(String id) {
        return !existingIds(List.of(id)).isEmpty();
    }

    public Map<String, List<Address>> addressesByUser(Collection<String> userIds) {
        Map<String, List<Address>> byUser = new HashMap<>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        jdbc.sql("""
                        SELECT user_id, label, recipient, street, city, postal_code FROM addresses
                        WHERE user_id IN (:ids) ORDER BY user_id, position""")
                .param("ids", userIds)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getString("user_id"), id -> new java.util.ArrayList<>())
                            .add(new Address(rs.getString("label"), rs.getString("recipient"), rs.getString("street"),
                                    rs.getString("city"), rs.getString("postal_code")));
                });
        return byUser;
    }
}
