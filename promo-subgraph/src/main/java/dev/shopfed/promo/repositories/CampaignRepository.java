package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.Campaign;
import dev.shopfed.promo.model.CampaignTarget;
import dev.shopfed.promo.model.Money;
import dev.shopfed.promo.model.Voucher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Campaigns, the products they cover, what they target and their vouchers. A campaign is active when
 * starts_at <= now < ends_at.
 */
@Repository
public class CampaignRepository {

    private static final String COLUMNS = "c.id, c.name, c.discount_percent, c.starts_at, c.ends_at";

    private final JdbcClient jdbc;

    public CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Campaign> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Campaign> campaigns = jdbc.sql("SELECT " + COLUMNS + " FROM campaigns c WHERE c.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> campaign(rs))
                .list();
        return Rows.byId(campaigns, Campaign::id);
    }

    public List<Campaign> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns c ORDER BY c.seq")
                .query((rs, n) -> campaign(rs))
                .list();
    }

    public List<Campaign> findActive(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaigns c WHERE c.starts_at <= :now AND c.ends_at > :now"
                        + " ORDER BY c.seq")
                .param("now", Rows.parameter(now))
                .query((rs, n) -> campaign(rs))
                .list();
    }

    /** The campaigns active at {@code now} that cover each product, best discount first. */
    public Map<String, List<Campaign>> activeFor(Collection<String> productIds, Instant now) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT cp.product_id, %s FROM campaign_products cp JOIN campaigns c ON c.id = cp.campaign_id
                        WHERE cp.product_id IN (:ids) AND c.starts_at <= :now AND c.ends_at > :now
                        ORDER BY cp.product_id, c.discount_percent DESC, c.seq""".formatted(COLUMNS))
                .param("ids", productIds)
                .param("now", Rows.parameter(now))
                .query((rs, n) -> Map.entry(rs.getString("product_id"), campaign(rs)))
                .list());
    }

    /**
     * The targets of the campaigns active at {@code now} that name one of the categories or shops, in campaign order:
     * what a batch of purchase histories could hit, in one query.
     */
    public List<CampaignTarget> activeTargeting(Collection<String> categories, Collection<String> shopIds, Instant now) {
        List<String> hits = new ArrayList<>();
        if (!categories.isEmpty()) {
            hits.add("t.category IN (:categories)");
        }
        if (!shopIds.isEmpty()) {
            hits.add("t.shop_id IN (:shops)");
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        JdbcClient.StatementSpec query = jdbc.sql("""
                        SELECT t.category, t.shop_id, %s FROM campaign_targets t JOIN campaigns c ON c.id = t.campaign_id
                        WHERE c.starts_at <= :now AND c.ends_at > :now AND (%s)
                        ORDER BY c.seq, t.category, t.shop_id""".formatted(COLUMNS, String.join(" OR ", hits)))
                .param("now", Rows.parameter(now));
        if (!categories.isEmpty()) {
            query = query.param("categories", categories);
        }
        if (!shopIds.isEmpty()) {
            query = query.param("shops", shopIds);
        }
        return query.query((rs, n) -> new CampaignTarget(campaign(rs), rs.getString("category"), rs.getString("shop_id")))
                .list();
    }

    public Map<String, List<Voucher>> vouchersOf(Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT v.campaign_id, v.code, v.description, v.min_spend, v.discount_percent FROM vouchers v
                        WHERE v.campaign_id IN (:ids)
                        ORDER BY v.campaign_id, v.position""")
                .param("ids", campaignIds)
                .query((rs, n) -> Map.entry(rs.getString("campaign_id"), new Voucher(rs.getString("code"),
                        rs.getString("description"), Money.rupiah(rs.getLong("min_spend")),
                        rs.getInt("discount_percent"))))
                .list());
    }

    private static Campaign campaign(ResultSet rs) throws SQLException {
        return new Campaign(rs.getString("id"), rs.getString("name"), rs.getInt("discount_percent"),
                Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at"));
    }
}
