package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.User;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;

    public UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, User> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<User> users = jdbc.sql("SELECT u.id FROM users u WHERE u.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new User(rs.getString("id")))
                .list();
        return Rows.byId(users, User::id);
    }
}
