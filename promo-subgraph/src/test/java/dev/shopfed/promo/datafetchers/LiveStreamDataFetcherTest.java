package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.LiveStreamsById;
import dev.shopfed.promo.dataloaders.ProductsByLiveStream;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({LiveStreamDataFetcher.class, LiveStreamsById.class, CreatorsById.class, ProductsByLiveStream.class,
        LiveStreamRepository.class, CreatorRepository.class, ProductRepository.class})
class LiveStreamDataFetcherTest {

    private static final String STREAM = """
            ... on LiveStream { id title status viewerCount startsAt host { id } shop { id } products { id } }""";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void resolvesStreamsWithHostShopReferenceAndProducts() {
        String forShop = jdbc.sql("SELECT id FROM live_streams WHERE shop_id IS NOT NULL ORDER BY seq LIMIT 1")
                .query(String.class).single();
        String ownStream = jdbc.sql("SELECT id FROM live_streams WHERE shop_id IS NULL ORDER BY seq LIMIT 1")
                .query(String.class).single();

        ExecutionResult result = Entities.resolve(graphql, STREAM,
                List.of(ref("LiveStream", forShop), ref("LiveStream", ownStream)));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        Map<String, Object> row = jdbc.sql("SELECT * FROM live_streams WHERE id = ?").param(forShop).query().singleRow();
        assertThat((String) json.read("data._entities[0].title")).isEqualTo(row.get("title"));
        assertThat((String) json.read("data._entities[0].status")).isEqualTo(row.get("status"));
        assertThat((Integer) json.read("data._entities[0].viewerCount")).isEqualTo(row.get("viewer_count"));
        assertThat((String) json.read("data._entities[0].host.id")).isEqualTo(row.get("host_id"));
        assertThat((Map<String, Object>) json.read("data._entities[0].shop")).isEqualTo(Map.of("id", row.get("shop_id")));
        assertThat((List<String>) json.read("data._entities[0].products[*].id")).isEqualTo(productsOf(forShop));
        assertThat((Object) json.read("data._entities[1].shop")).isNull();
        assertThat((List<String>) json.read("data._entities[1].products[*].id")).isEqualTo(productsOf(ownStream));
    }

    @Test
    void unknownStreamIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, "... on LiveStream { id }", List.of(ref("LiveStream", "ls0")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 0);
        assertThat((Object) Entities.json(result).read("data._entities[0]")).isNull();
    }

    private List<String> productsOf(String streamId) {
        return jdbc.sql("SELECT product_id FROM live_stream_products WHERE live_stream_id = ? ORDER BY position")
                .param(streamId).query(String.class).list();
    }
}
