package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.TestClock;
import dev.shopfed.promo.dataloaders.ActiveCampaignsByProduct;
import dev.shopfed.promo.dataloaders.AffiliateLinksByProduct;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.ProductsById;
import dev.shopfed.promo.dataloaders.VideosByProduct;
import dev.shopfed.promo.repositories.AffiliateLinkRepository;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import dev.shopfed.promo.services.PriceQuotes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({ProductDataFetcher.class, PriceQuotes.class, AffiliateLinkDataFetcher.class, VideoDataFetcher.class, CampaignDataFetcher.class,
        ProductsById.class, ActiveCampaignsByProduct.class, VideosByProduct.class, AffiliateLinksByProduct.class,
        CreatorsById.class, ProductRepository.class, CampaignRepository.class, VideoRepository.class,
        AffiliateLinkRepository.class, CreatorRepository.class})
class ProductDataFetcherTest {

    private static final String PRICED = "... on Product { id promoPrice { amount currency formatted } "
            + "activeCampaigns { id discountPercent active } }";
    private static final OffsetDateTime NOW = Instant.parse(TestClock.DEFAULT_NOW).atOffset(ZoneOffset.UTC);

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PriceQuotes quotes;

    /** The best of several active campaigns applies; the discount rounds half up (99.990 * 15% = 14.998,5). */
    @Test
    void promoPriceUsesTheBestActiveCampaign() {
        Map<String, Object> covered = jdbc.sql("""
                        SELECT cp.product_id, MAX(c.discount_percent) AS best FROM campaign_products cp
                        JOIN campaigns c ON c.id = cp.campaign_id
                        WHERE c.starts_at <= :now AND c.ends_at > :now
                        GROUP BY cp.product_id HAVING COUNT(*) >= 2
                        ORDER BY cp.product_id LIMIT 1""")
                .param("now", NOW).query().singleRow();
        String id = (String) covered.get("product_id");
        int best = (Integer) covered.get("best");

        for (long price : new long[] {99_990, 125_000, 1, 0}) {
            ExecutionResult result = Entities.resolve(graphql, PRICED, List.of(priced(id, price)));
            assertThat(result.getErrors()).isEmpty();
            DocumentContext json = Entities.json(result);
            long expected = price - halfUp(price, best);
            assertThat((Integer) json.read("data._entities[0].promoPrice.amount")).as(best + "% off " + price)
                    .isEqualTo((int) expected);
            assertThat((String) json.read("data._entities[0].promoPrice.currency")).isEqualTo("IDR");
            List<Integer> percents = json.read("data._entities[0].activeCampaigns[*].discountPercent");
            assertThat(percents).hasSizeGreaterThanOrEqualTo(2).first().isEqualTo(best);
            assertThat((List<Boolean>) json.read("data._entities[0].activeCampaigns[*].active")).containsOnly(true);
        }
        DocumentContext json = Entities.json(Entities.resolve(graphql, PRICED, List.of(priced(id, 1_234_567))));
        assertThat((String) json.read("data._entities[0].promoPrice.formatted"))
                .matches("Rp \\d{1,3}(\\.\\d{3})*");
    }

    /** The quote signs what promoPrice shows, for this product and the commerce price it was taken off. */
    @Test
    void priceQuoteSignsThePromoPrice() throws Exception {
        String query = "... on Product { id promoPrice { amount } priceQuote }";
        DocumentContext json = Entities.json(Entities.resolve(graphql, query,
                List.of(priced("p47", 109_000), priced("p1", 100_000))));
        int promoPrice = json.read("data._entities[0].promoPrice.amount");
        com.nimbusds.jwt.SignedJWT quote = com.nimbusds.jwt.SignedJWT.parse(json.read("data._entities[0].priceQuote"));

        assertThat(quote.verify(new com.nimbusds.jose.crypto.ECDSAVerifier(quotes.publicKey()))).isTrue();
        assertThat(quote.getJWTClaimsSet().getSubject()).isEqualTo("p47");
        assertThat(quote.getJWTClaimsSet().getLongClaim("unitPrice")).isEqualTo(promoPrice);
        assertThat(quote.getJWTClaimsSet().getLongClaim("basePrice")).isEqualTo(109_000L);
        Object otherPromoPrice = json.read("data._entities[1].promoPrice");
        Object otherQuote = json.read("data._entities[1].priceQuote");
        assertThat(otherQuote == null).as("p1: a quote exactly when there is a promo price").isEqualTo(otherPromoPrice == null);
    }

    /** A bigger discount from a campaign that ended (or has not started) does not count. */
    @Test
    void inactiveCampaignsDoNotCount() {
        Map<String, Object> row = jdbc.sql("""
                        SELECT a.product_id, a.best FROM (
                            SELECT cp.product_id, MAX(c.discount_percent) AS best FROM campaign_products cp
                            JOIN campaigns c ON c.id = cp.campaign_id
                            WHERE c.starts_at <= :now AND c.ends_at > :now GROUP BY cp.product_id) a
                        JOIN campaign_products ip ON ip.product_id = a.product_id
                        JOIN campaigns i ON i.id = ip.campaign_id
                        WHERE NOT (i.starts_at <= :now AND i.ends_at > :now) AND i.discount_percent > a.best
                        ORDER BY a.product_id LIMIT 1""")
                .param("now", NOW).query().singleRow();
        String id = (String) row.get("product_id");
        int best = (Integer) row.get("best");

        DocumentContext json = Entities.json(Entities.resolve(graphql, PRICED, List.of(priced(id, 200_000))));
        assertThat((Integer) json.read("data._entities[0].promoPrice.amount"))
                .isEqualTo((int) (200_000 - halfUp(200_000, best)));
        assertThat((List<Integer>) json.read("data._entities[0].activeCampaigns[*].discountPercent"))
                .allSatisfy(percent -> assertThat(percent).isLessThanOrEqualTo(best));
    }

    @Test
    void noActiveCampaignMeansNullPromoPrice() {
        String uncovered = jdbc.sql("""
                        SELECT p.id FROM products p WHERE NOT EXISTS (
                            SELECT 1 FROM campaign_products cp JOIN campaigns c ON c.id = cp.campaign_id
                            WHERE cp.product_id = p.id AND c.starts_at <= :now AND c.ends_at > :now)
                        ORDER BY p.seq LIMIT 1""")
                .param("now", NOW).query(String.class).single();

        ExecutionResult result = Entities.resolve(graphql, PRICED, List.of(priced(uncovered, 150_000)));
        assertThat(result.getErrors()).isEmpty();
        assertThat((Object) Entities.json(result).read("data._entities[0].promoPrice")).isNull();
        assertThat((List<Object>) Entities.json(result).read("data._entities[0].activeCampaigns")).isEmpty();
    }

    @Test
    void unknownProductIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, PRICED,
                List.of(priced("p1", 100_000), priced("p999999", 100_000)));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 1);
        assertThat((String) Entities.json(result).read("data._entities[0].id")).isEqualTo("p1");
        assertThat((Object) Entities.json(result).read("data._entities[1]")).isNull();
    }

    /** promoPrice {@code @requires} the price: without it only that field fails, the rest still resolves. */
    @Test
    void promoPriceWithoutPriceIsBadUserInput() {
        ExecutionResult result = Entities.resolve(graphql, "... on Product { id promoPrice { amount } }",
                List.of(Entities.ref("Product", "p1")));
        GraphQLError error = GraphQLErrors.single(result, "BAD_USER_INPUT");
        GraphQLErrors.hasPath(error, "_entities", 0, "promoPrice");
        assertThat((String) Entities.json(result).read("data._entities[0].id")).isEqualTo("p1");
    }

    @Test
    void nonNumericPriceIsBadUserInput() {
        ExecutionResult result = Entities.resolve(graphql, "... on Product { id }",
                List.of(Map.of("__typename", "Product", "id", "p1", "price", Map.of("amount", "lots"))));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "BAD_USER_INPUT"), "_entities", 0);
    }

    @Test
    void videosAndAffiliateLinksOfAProduct() {
        String product = jdbc.sql("""
                        SELECT vp.product_id FROM video_products vp
                        WHERE EXISTS (SELECT 1 FROM affiliate_links a WHERE a.product_id = vp.product_id)
                        GROUP BY vp.product_id ORDER BY COUNT(*) DESC, vp.product_id LIMIT 1""")
                .query(String.class).single();
        ExecutionResult result = Entities.resolve(graphql, """
                ... on Product {
                  videos(first: 2) { id creator { id } }
                  allVideos: videos(first: 100) { id }
                  affiliateLinks { code url commissionPercent creator { id } product { id } }
                }""", List.of(Entities.ref("Product", product)));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        List<String> newest = jdbc.sql("""
                        SELECT v.id FROM video_products vp JOIN videos v ON v.id = vp.video_id
                        WHERE vp.product_id = ? ORDER BY v.published_at DESC, v.seq DESC""")
                .param(product).query(String.class).list();
        assertThat(newest).hasSizeGreaterThan(2);
        assertThat((List<String>) json.read("data._entities[0].videos[*].id")).isEqualTo(newest.subList(0, 2));
        assertThat((List<String>) json.read("data._entities[0].allVideos[*].id")).isEqualTo(newest);

        List<Map<String, Object>> links = jdbc.sql(
                        "SELECT code, creator_id FROM affiliate_links WHERE product_id = ? ORDER BY seq")
                .param(product).query().listOfRows();
        assertThat((List<String>) json.read("data._entities[0].affiliateLinks[*].code"))
                .isEqualTo(links.stream().map(link -> link.get("code")).toList());
        assertThat((List<String>) json.read("data._entities[0].affiliateLinks[*].creator.id"))
                .isEqualTo(links.stream().map(link -> link.get("creator_id")).toList());
        assertThat((List<String>) json.read("data._entities[0].affiliateLinks[*].product.id")).containsOnly(product);
        assertThat((List<String>) json.read("data._entities[0].affiliateLinks[*].url"))
                .allSatisfy(url -> assertThat(url).startsWith("https://"));
    }

    @Test
    void videosDefaultToFive() {
        String product = jdbc.sql("""
                        SELECT product_id FROM video_products GROUP BY product_id HAVING COUNT(*) > 5
                        ORDER BY product_id LIMIT 1""")
                .query(String.class).single();
        List<String> videos = Entities.json(Entities.resolve(graphql, "... on Product { videos { id } }",
                List.of(Entities.ref("Product", product)))).read("data._entities[0].videos[*].id");
        assertThat(videos).hasSize(5);
    }

    private static Map<String, Object> priced(String id, long amount) {
        return Map.of("__typename", "Product", "id", id, "price", Map.of("amount", amount));
    }

    private static long halfUp(long price, int percent) {
        return BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
