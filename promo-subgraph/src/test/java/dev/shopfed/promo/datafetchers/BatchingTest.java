package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.QueryCounter;
import dev.shopfed.promo.dataloaders.ActiveCampaignsByProduct;
import dev.shopfed.promo.dataloaders.AffiliateLinksByProduct;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.LegacyShopsById;
import dev.shopfed.promo.dataloaders.LegacyStockByProduct;
import dev.shopfed.promo.dataloaders.ProductsById;
import dev.shopfed.promo.dataloaders.RecommendedCampaignsByHistory;
import dev.shopfed.promo.dataloaders.TaggedProductsByVideo;
import dev.shopfed.promo.dataloaders.UsersById;
import dev.shopfed.promo.dataloaders.VideosByCreator;
import dev.shopfed.promo.dataloaders.VideosById;
import dev.shopfed.promo.dataloaders.VideosByProduct;
import dev.shopfed.promo.dataloaders.VouchersByCampaign;
import dev.shopfed.promo.repositories.AffiliateLinkRepository;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.LegacyCatalogueRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import dev.shopfed.promo.repositories.UserRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import dev.shopfed.promo.services.PriceQuotes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Entity fetchers and fan-out fields go through DataLoaders: a request runs one query per table it touches, however
 * many entities it resolves. The statements are counted at the DataSource.
 */
@PromoSliceTest({ProductDataFetcher.class, PriceQuotes.class, VideoDataFetcher.class, CampaignDataFetcher.class,
        AffiliateLinkDataFetcher.class, CreatorDataFetcher.class, UserDataFetcher.class, ProductsById.class, ActiveCampaignsByProduct.class,
        VideosByProduct.class, VideosByCreator.class, VideosById.class, AffiliateLinksByProduct.class,
        CreatorsById.class, TaggedProductsByVideo.class, VouchersByCampaign.class, ProductRepository.class,
        CampaignRepository.class, VideoRepository.class, AffiliateLinkRepository.class, CreatorRepository.class,
        UsersById.class, RecommendedCampaignsByHistory.class, UserRepository.class, LegacyStockDataFetcher.class,
        LegacyShopDataFetcher.class, LegacyStockByProduct.class, LegacyShopsById.class,
        LegacyCatalogueRepository.class, QueryCounter.class})
class BatchingTest {

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    QueryCounter queries;

    @BeforeEach
    void warmUp() {
        run("... on Product { id }", products(1));
    }

    /** products (the entity check), videos by product, active campaigns by product: three queries. */
    @Test
    void hundredProductsAskingVideosAndActiveCampaignsRunThreeQueries() {
        String selection = "... on Product { id videos { id } activeCampaigns { id } promoPrice { amount } }";

        List<String> forHundred = run(selection, products(100));
        assertThat(forHundred).as("statements for 100 products: " + forHundred).hasSize(3);
        assertThat(String.join("\n", forHundred))
                .contains("FROM products", "video_products", "campaign_products");
        assertThat(run(selection, products(10))).as("statements for 10 products").hasSize(3);
    }

    /** Four levels deep, still one query per table: the count does not grow with the number of products. */
    @Test
    void nestedFieldsStayConstantToo() {
        String selection = """
                ... on Product {
                  id
                  promoPrice { amount }
                  activeCampaigns { id vouchers { code } }
                  videos(first: 3) { id creator { handle videos(first: 2) { id } } products { id name } }
                  affiliateLinks { code creator { handle } }
                }""";
        List<String> forTen = run(selection, products(10));
        List<String> forHundred = run(selection, products(100));

        assertThat(forHundred).as("statements for 100 products: " + forHundred).hasSameSizeAs(forTen);
        // products, campaigns, vouchers, videos by product, tagged products, affiliate links, creators, videos by
        // creator; creators may take a second round as they are reached at two depths.
        assertThat(forHundred).hasSizeBetween(8, 9);
    }

    /** products (the entity check) and the legacy stock, which stock and inStock share: two queries. */
    @Test
    void hundredProductsAskingLegacyStockRunTwoQueries() {
        String selection = "... on Product { id stock inStock }";

        List<String> forHundred = run(selection, products(100));
        assertThat(forHundred).as("statements for 100 products: " + forHundred).hasSize(2);
        assertThat(String.join("\n", forHundred)).contains("FROM products", "FROM legacy_product_stock");
        assertThat(run(selection, products(10))).as("statements for 10 products").hasSize(2);
    }

    /** The entity check, city and rating all read one batch of legacy shop details: one query. */
    @Test
    void fortyShopsAskingCityAndRatingRunOneQuery() {
        List<Map<String, Object>> shops = IntStream.rangeClosed(1, 40)
                .mapToObj(i -> Entities.ref("Shop", "s" + i))
                .toList();
        List<String> statements = run("... on Shop { id city rating }", shops);
        assertThat(statements).as("statements for 40 shops: " + statements).hasSize(1);
        assertThat(statements.get(0)).contains("FROM legacy_shops");
    }

    @Test
    void hundredVideosLoadTheirCreatorsInOneQuery() {
        List<Map<String, Object>> videos = IntStream.rangeClosed(1, 100)
                .mapToObj(i -> Entities.ref("Video", "v" + i))
                .toList();
        assertThat(run("... on Video { id creator { handle } }", videos)).hasSize(2);
    }

    /** Users (the entity check) and campaign targets: two queries, however many different histories. */
    @Test
    void fiftyUsersWithTheirOwnHistoriesRunTwoQueries() {
        List<String> categories = List.of("FASHION", "BEAUTY", "ELECTRONICS", "HOME", "FOOD", "SPORTS", "TOYS");
        List<Map<String, Object>> users = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> Map.<String, Object>of("__typename", "User", "id", "u" + i, "purchaseHistory",
                        Map.of("categories", List.of(categories.get(i % categories.size())),
                                "shopIds", List.of("s" + (i % 40 + 1)))))
                .toList();

        List<String> statements = run("... on User { id recommendedCampaigns { id } }", users);
        assertThat(statements).as("statements for 50 users: " + statements).hasSize(2);
        assertThat(String.join("\n", statements)).contains("FROM users", "campaign_targets");
    }

    private List<String> run(String selection, List<Map<String, Object>> representations) {
        queries.reset();
        ExecutionResult result = Entities.resolve(graphql, selection, representations);
        assertThat(result.getErrors()).as("errors").isEmpty();
        assertThat((List<?>) result.<Map<String, List<?>>>getData().get("_entities")).hasSize(representations.size());
        return queries.statements();
    }

    private static List<Map<String, Object>> products(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> Map.<String, Object>of("__typename", "Product", "id", "p" + i,
                        "price", Map.of("amount", 10_000 * i)))
                .toList();
    }
}
