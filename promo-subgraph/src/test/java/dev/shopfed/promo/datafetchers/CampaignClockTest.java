package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.ActiveCampaignsByProduct;
import dev.shopfed.promo.dataloaders.ProductsById;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import dev.shopfed.promo.services.PriceQuotes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The same data at another time: during the seeded Ramadan Sale (March 2025) it is active and prices follow. */
@PromoSliceTest({QueryDataFetcher.class, ProductDataFetcher.class, PriceQuotes.class, ProductsById.class, ActiveCampaignsByProduct.class,
        ProductRepository.class, CampaignRepository.class, LiveStreamRepository.class})
@TestPropertySource(properties = "promo.test.now=" + CampaignClockTest.NOW)
class CampaignClockTest {

    static final String NOW = "2025-03-15T12:00:00Z";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void campaignsRunningAtThatTimeAreTheActiveOnes() {
        String ramadan = jdbc.sql("SELECT id FROM campaigns WHERE name = 'Ramadan Sale'").query(String.class).single();
        List<String> active = graphql.executeAndExtractJsonPath("{ campaigns { id } }", "data.campaigns[*].id");
        assertThat(active).contains(ramadan);
    }

    @Test
    void promoPriceUsesCampaignsActiveAtThatTime() {
        Map<String, Object> row = jdbc.sql("""
                        SELECT cp.product_id, c.discount_percent FROM campaign_products cp
                        JOIN campaigns c ON c.id = cp.campaign_id
                        WHERE c.name = 'Ramadan Sale' AND NOT EXISTS (
                            SELECT 1 FROM campaign_products o JOIN campaigns oc ON oc.id = o.campaign_id
                            WHERE o.product_id = cp.product_id AND oc.id <> c.id
                              AND oc.starts_at <= :now AND oc.ends_at > :now
                              AND oc.discount_percent >= c.discount_percent)
                        ORDER BY cp.product_id LIMIT 1""")
                .param("now", Instant.parse(NOW).atOffset(ZoneOffset.UTC))
                .query().singleRow();
        int percent = (Integer) row.get("discount_percent");

        Integer promoPrice = Entities.json(Entities.resolve(graphql, "... on Product { promoPrice { amount } }",
                List.of(Map.of("__typename", "Product", "id", row.get("product_id"), "price", Map.of("amount", 100_000)))))
                .read("data._entities[0].promoPrice.amount");
        assertThat(promoPrice).isEqualTo(100_000 - 1_000 * percent);
    }
}
