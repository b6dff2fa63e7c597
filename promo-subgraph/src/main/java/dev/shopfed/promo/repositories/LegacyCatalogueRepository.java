package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.LegacyShop;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The catalogue facts promo held before the split and commerce owns now: every product's stock and every shop's
 * city and rating (V4, a copy of commerce's seed). Promo serves them until commerce's override labels are on; checkout
 * reserves stock in commerce only, so nothing here changes at run time.
 */
@Repository
public class LegacyCatalogueRepository {

    private final JdbcClient jdbc;

    public LegacyCatalogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stock by product id; products without a legacy row are absent. */
    public Map<String, Integer> stockByProductIds(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> stock = new LinkedHashMap<>();
        jdbc.sql("SELECT product_id, stock FROM legacy_product_stock WHERE product_id IN (:ids)")
                .param("ids", productIds)
                .query(rs -> {
                    stock.put(rs.getString("product_id"), rs.getInt("stock"));
                });
        return stock;
    }

    /** Shops by id; unknown ids are absent. */
    public Map<String, LegacyShop> shopsByIds(Collection<String> shopIds) {
        if (shopIds.isEmpty()) {
            return Map.of();
        }
        List<LegacyShop> shops = jdbc.sql("SELECT shop_id, city, rating FROM legacy_shops WHERE shop_id IN (:ids)")
                .param("ids", shopIds)
                // NUMERIC(2, 1) read as commerce reads it, so 4.7 is the same double on both sides.
                .query((rs, n) -> new LegacyShop(rs.getString("shop_id"), rs.getString("city"),
                        rs.getBigDecimal("rating").doubleValue()))
                .list();
        return Rows.byId(shops, LegacyShop::id);
    }
}
