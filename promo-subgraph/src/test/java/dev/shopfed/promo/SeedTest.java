package dev.shopfed.promo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The seed is what the app and the e2e tests rely on: shape, sizes and agreement with the commerce catalogue. */
@PromoSliceTest(SeedTest.class)
class SeedTest {

    /** Where the commerce seed sits in the source tree, relative to this module (Maven runs tests from it). */
    private static final Path COMMERCE_SEED =
            Path.of("..", "commerce-subgraph", "src", "main", "resources", "db", "migration", "V2__seed_catalogue.sql");
    private static final Pattern SHOP_ROW = Pattern.compile("^\\s*\\('(s\\d+)', '", Pattern.MULTILINE);
    /** The categories the app shows (commerce's Category enum without the hidden LEGACY). */
    private static final List<String> CATEGORIES =
            List.of("FASHION", "BEAUTY", "ELECTRONICS", "HOME", "FOOD", "SPORTS", "TOYS");
    private static final Pattern PRODUCT_ROW =
            Pattern.compile("^\\s*\\('(p\\d+)', \\d+, '(s\\d+)', '((?:[^']|'')*)',", Pattern.MULTILINE);

    @Autowired
    JdbcClient jdbc;

    /** {@code Video.products @provides(fields: "name")}: promo's names must be commerce's, letter for letter. */
    @Test
    void productNamesMatchTheCommerceCatalogue() throws IOException {
        Assumptions.assumeTrue(Files.exists(COMMERCE_SEED), "commerce seed not in this checkout");
        Map<String, String> commerce = new LinkedHashMap<>();
        Matcher row = PRODUCT_ROW.matcher(Files.readString(COMMERCE_SEED));
        while (row.find()) {
            commerce.put(row.group(1), row.group(3).replace("''", "'"));
        }
        assertThat(commerce).hasSize(300);

        Map<String, String> promo = new LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM products ORDER BY seq").query(rs -> {
            promo.put(rs.getString("id"), rs.getString("name"));
        });
        assertThat(promo).isEqualTo(commerce);
    }

    /**
     * Promo's legacy copies (V4) are what commerce starts with, for every product and shop: while an override label
     * is off promo answers these fields, and the app must not see a difference. Commerce's own migrations run into a
     * second embedded database, so the comparison is with the rows commerce really holds, not with a reading of its SQL.
     */
    @Test
    void legacyStockAndShopDetailsEqualCommercesSeed() {
        Path migrations = COMMERCE_SEED.getParent();
        Assumptions.assumeTrue(Files.isDirectory(migrations), "commerce migrations not in this checkout");
        DriverManagerDataSource commerceDb = new DriverManagerDataSource("jdbc:h2:mem:commerce-seed-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(commerceDb).locations("filesystem:" + migrations).load().migrate();
        JdbcClient commerce = JdbcClient.create(commerceDb);
        try {
            Map<String, Integer> commerceStock = new LinkedHashMap<>();
            commerce.sql("SELECT id, stock FROM products ORDER BY seq")
                    .query(rs -> {
                        commerceStock.put(rs.getString("id"), rs.getInt("stock"));
                    });
            Map<String, Integer> promoStock = new LinkedHashMap<>();
            jdbc.sql("SELECT s.product_id, s.stock FROM legacy_product_stock s JOIN products p ON p.id = s.product_id "
                            + "ORDER BY p.seq")
                    .query(rs -> {
                        promoStock.put(rs.getString("product_id"), rs.getInt("stock"));
                    });
            assertThat(commerceStock).hasSize(300).containsValue(0);
            assertThat(promoStock.keySet()).as("products with legacy stock").isEqualTo(commerceStock.keySet());
            assertThat(differences(commerceStock, promoStock)).as("legacy stock unlike commerce's").isEmpty();

            String shops = "SELECT %s AS id, city, rating FROM %s ORDER BY id";
            Map<String, List<Object>> commerceShops = new LinkedHashMap<>();
            commerce.sql(shops.formatted("id", "shops")).query(rs -> {
                commerceShops.put(rs.getString("id"), List.of(rs.getString("city"), rs.getBigDecimal("rating")));
            });
            Map<String, List<Object>> promoShops = new LinkedHashMap<>();
            jdbc.sql(shops.formatted("shop_id", "legacy_shops")).query(rs -> {
                promoShops.put(rs.getString("id"), List.of(rs.getString("city"), rs.getBigDecimal("rating")));
            });
            assertThat(commerceShops).hasSize(40);
            assertThat(promoShops.keySet()).as("shops with legacy details").isEqualTo(commerceShops.keySet());
            assertThat(differences(commerceShops, promoShops)).as("legacy (city, rating) unlike commerce's").isEmpty();
        } finally {
            commerce.sql("SHUTDOWN").update();
        }
    }

    /** "id: commerce's value, promo's value" for each id whose values differ, so a failure names only those. */
    private static <V> List<String> differences(Map<String, V> commerce, Map<String, V> promo) {
        return commerce.entrySet().stream()
                .filter(entry -> promo.containsKey(entry.getKey()) && !entry.getValue().equals(promo.get(entry.getKey())))
                .map(entry -> entry.getKey() + ": commerce " + entry.getValue() + ", promo " + promo.get(entry.getKey()))
                .toList();
    }

    @Test
    void hasTheAdvertisedVolume() {
        assertThat(count("SELECT COUNT(*) FROM creators")).isEqualTo(60);
        assertThat(count("SELECT COUNT(*) FROM videos")).isGreaterThanOrEqualTo(400);
        assertThat(count("SELECT COUNT(*) FROM live_streams")).isEqualTo(30);
        assertThat(count("SELECT COUNT(*) FROM users")).isEqualTo(50);
        assertThat(count("SELECT COUNT(*) FROM creators WHERE user_id IS NOT NULL")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM vouchers")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM affiliate_links")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM feed_spotlights")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM live_streams WHERE shop_id IS NOT NULL")).isPositive();
        assertThat(jdbc.sql("SELECT DISTINCT status FROM live_streams").query(String.class).list())
                .containsExactlyInAnyOrder("SCHEDULED", "LIVE", "ENDED");
    }

    @Test
    void everyVideoTagsOneToFourProductsAndEveryCreatorHasVideos() {
        List<Integer> tagsPerVideo = jdbc.sql("""
                        SELECT COUNT(vp.product_id) FROM videos v LEFT JOIN video_products vp ON vp.video_id = v.id
                        GROUP BY v.id""")
                .query(Integer.class).list();
        assertThat(tagsPerVideo).allSatisfy(tags -> assertThat(tags).isBetween(1, 4));
        assertThat(count("SELECT COUNT(*) FROM creators c WHERE NOT EXISTS "
                + "(SELECT 1 FROM videos v WHERE v.creator_id = c.id)")).isZero();
    }

    /** Windows span 2020..2099 so some campaigns are active whenever the app runs, and some never are now. */
    @Test
    void someCampaignsAreActiveAtAnyTimeThisCentury() {
        for (String now : List.of("2024-01-01T00:00:00Z", Instant.now().toString(), "2090-01-01T00:00:00Z")) {
            int active = jdbc.sql("SELECT COUNT(*) FROM campaigns WHERE starts_at <= :now AND ends_at > :now")
                    .param("now", Instant.parse(now).atOffset(ZoneOffset.UTC)).query(Integer.class).single();
            assertThat(active).as("active campaigns at " + now).isPositive()
                    .isLessThan(count("SELECT COUNT(*) FROM campaigns"));
        }
    }

    /** Campaign targets name commerce's categories and shops; active and inactive campaigns both have some. */
    @Test
    void campaignTargetsNameCommerceCategoriesAndShops() throws IOException {
        assertThat(jdbc.sql("SELECT DISTINCT category FROM campaign_targets WHERE category IS NOT NULL")
                .query(String.class).list()).isSubsetOf(CATEGORIES).isNotEmpty();
        List<String> shops = jdbc.sql("SELECT DISTINCT shop_id FROM campaign_targets WHERE shop_id IS NOT NULL")
                .query(String.class).list();
        assertThat(shops).isNotEmpty();
        if (Files.exists(COMMERCE_SEED)) {
            List<String> commerceShops = SHOP_ROW.matcher(Files.readString(COMMERCE_SEED)).results()
                    .map(match -> match.group(1)).toList();
            assertThat(commerceShops).hasSize(40);
            assertThat(shops).isSubsetOf(commerceShops);
        }
        String targeted = "SELECT COUNT(DISTINCT c.id) FROM campaigns c JOIN campaign_targets t ON t.campaign_id = c.id "
                + "WHERE (c.starts_at <= :now AND c.ends_at > :now) = :active";
        for (boolean active : new boolean[] {true, false}) {
            assertThat(jdbc.sql(targeted).param("now", Instant.now().atOffset(ZoneOffset.UTC)).param("active", active)
                    .query(Integer.class).single()).as(active ? "active targeted" : "inactive targeted").isPositive();
        }
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
