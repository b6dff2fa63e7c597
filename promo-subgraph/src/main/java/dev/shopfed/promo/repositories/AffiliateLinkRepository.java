package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.AffiliateLink;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AffiliateLinkRepository {

    private final JdbcClient jdbc;

    public AffiliateLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The affiliate links for each product, oldest first. */
    public Map<String, List<AffiliateLink>> forProducts(Collection<String> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT a.code, a.url, a.creator_id, a.product_id, a.commission_percent FROM affiliate_links a
                        WHERE a.product_id IN (:ids)
                        ORDER BY a.product_id, a.seq""")
                .param("ids", productIds)
                .query((rs, n) -> Map.entry(rs.getString("product_id"), new AffiliateLink(rs.getString("code"),
                        rs.getString("url"), rs.getString("creator_id"), rs.getString("product_id"),
                        rs.getInt("commission_percent"))))
                .list());
    }
}
