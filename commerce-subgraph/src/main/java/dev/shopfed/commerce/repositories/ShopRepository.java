package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ShopRepository {

    private final JdbcClient jdbc;

    public ShopRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Shop> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, name, city, rating FROM shops WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ShopRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Shop::id, Function.identity()));
    }

    /** All shops, or those of one city (case-insensitive), by name. */
    public List<Shop> findAll(String city) {
        if (city == null) {
            return jdbc.sql("SELECT id, name, city, rating FROM shops ORDER BY name").query(ShopRepository::map).list();
        }
        return jdbc.sql("SELECT id, name, city, rating FROM shops WHERE LOWER(city) = :city ORDER BY name")
                .param("city", city.strip().toLowerCase(Locale.ROOT))
                .query(ShopRepository::map)
                .list();
    }

    private static Shop map(ResultSet rs, int row) throws SQLException {
        return new Shop(rs.getString("id"), rs.getString("name"), rs.getString("city"), rs.getBigDecimal("rating").doubleValue());
    }
}
