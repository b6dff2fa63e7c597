package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.LegacyShopsById;
import dev.shopfed.promo.dataloaders.LiveStreamsById;
import dev.shopfed.promo.repositories.LegacyCatalogueRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import graphql.ExecutionResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Promo's legacy {@code Shop.city} and {@code rating}, served while the label shop-details-to-commerce is off. */
@PromoSliceTest({LegacyShopDataFetcher.class, LiveStreamDataFetcher.class, LegacyShopsById.class,
        LiveStreamsById.class, LegacyCatalogueRepository.class, LiveStreamRepository.class})
class LegacyShopDataFetcherTest {

    private static final String DETAILS = "... on Shop { id city rating }";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    /** Values of commerce's seed; 5.0 stays a Float. */
    @Test
    void shopEntitiesAnswerTheirLegacyDetails() {
        ExecutionResult result = Entities.resolve(graphql, DETAILS,
                List.of(ref("Shop", "s1"), ref("Shop", "s23"), ref("Shop", "s40")));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        assertThat((List<String>) json.read("data._entities[*].id")).containsExactly("s1", "s23", "s40");
        assertThat((List<String>) json.read("data._entities[*].city")).containsExactly("Jakarta", "Yogyakarta", "Surabaya");
        assertThat((List<Double>) json.read("data._entities[*].rating")).containsExactly(4.7, 5.0, 4.7);
    }

    @Test
    void unknownShopIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, DETAILS, List.of(ref("Shop", "s2"), ref("Shop", "s999")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 1);
        assertThat((String) Entities.json(result).read("data._entities[0].city")).isEqualTo("Jakarta");
        assertThat((Object) Entities.json(result).read("data._entities[1]")).isNull();
    }

    /** With the label off the gateway asks promo for a stream's shop details in the same fetch as the stream. */
    @Test
    void aLiveStreamsShopAnswersItsLegacyDetails() {
        Map<String, Object> expected = jdbc.sql("""
                        SELECT l.id, s.shop_id, s.city, s.rating FROM live_streams l
                        JOIN legacy_shops s ON s.shop_id = l.shop_id ORDER BY l.seq LIMIT 1""")
                .query().singleRow();

        ExecutionResult result = Entities.resolve(graphql, "... on LiveStream { shop { id city rating } }",
                List.of(ref("LiveStream", (String) expected.get("id"))));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);
        assertThat((String) json.read("data._entities[0].shop.id")).isEqualTo(expected.get("shop_id"));
        assertThat((String) json.read("data._entities[0].shop.city")).isEqualTo(expected.get("city"));
        assertThat((Double) json.read("data._entities[0].shop.rating"))
                .isEqualTo(((BigDecimal) expected.get("rating")).doubleValue());
    }
}
