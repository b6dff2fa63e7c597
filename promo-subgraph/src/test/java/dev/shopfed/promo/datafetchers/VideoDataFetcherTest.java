package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.TaggedProductsByVideo;
import dev.shopfed.promo.dataloaders.VideosById;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import graphql.ExecutionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({VideoDataFetcher.class, VideosById.class, CreatorsById.class, TaggedProductsByVideo.class,
        VideoRepository.class, CreatorRepository.class, ProductRepository.class})
class VideoDataFetcherTest {

    private static final String VIDEO = """
            ... on Video {
              id title durationSeconds viewCount likeCount thumbnailUrl publishedAt
              creator { id handle }
              products { id name }
            }""";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void resolvesVideosWithCreatorAndTaggedProducts() {
        ExecutionResult result = Entities.resolve(graphql, VIDEO, List.of(ref("Video", "v42"), ref("Video", "v7")));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        Map<String, Object> v42 = jdbc.sql("SELECT * FROM videos WHERE id = 'v42'").query().singleRow();
        assertThat((String) json.read("data._entities[0].id")).isEqualTo("v42");
        assertThat((String) json.read("data._entities[0].title")).isEqualTo(v42.get("title"));
        assertThat((Integer) json.read("data._entities[0].durationSeconds")).isEqualTo(v42.get("duration_seconds"));
        assertThat((Integer) json.read("data._entities[0].viewCount")).isEqualTo(v42.get("view_count"));
        assertThat((Integer) json.read("data._entities[0].likeCount")).isEqualTo(v42.get("like_count"));
        assertThat((String) json.read("data._entities[0].thumbnailUrl")).isEqualTo(v42.get("thumbnail_url"));
        assertThat((String) json.read("data._entities[0].creator.id")).isEqualTo(v42.get("creator_id"));
        assertThat(Instant.parse(json.read("data._entities[0].publishedAt"))).isNotNull();
        assertThat((String) json.read("data._entities[1].id")).isEqualTo("v7");
    }

    /** {@code @provides(fields: "name")}: the names promo returns are its snapshot of the commerce catalogue. */
    @Test
    void taggedProductsCarryTheSnapshotNameInTaggingOrder() {
        List<Map<String, Object>> tagged = jdbc.sql("""
                        SELECT p.id, p.name FROM video_products vp JOIN products p ON p.id = vp.product_id
                        WHERE vp.video_id = 'v42' ORDER BY vp.position""")
                .query().listOfRows();
        assertThat(tagged).isNotEmpty();

        List<Map<String, Object>> products = Entities.json(Entities.resolve(graphql, VIDEO,
                List.of(ref("Video", "v42")))).read("data._entities[0].products");
        assertThat(products).isEqualTo(tagged);
    }

    @Test
    void unknownVideoIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, "... on Video { id }",
                List.of(ref("Video", "v999999"), ref("Video", "v1")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 0);
        assertThat((Object) Entities.json(result).read("data._entities[0]")).isNull();
        assertThat((String) Entities.json(result).read("data._entities[1].id")).isEqualTo("v1");
    }

    @Test
    void representationWithoutIdIsBadUserInput() {
        ExecutionResult result = Entities.resolve(graphql, "... on Video { id }",
                List.of(Map.of("__typename", "Video")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "BAD_USER_INPUT"), "_entities", 0);
    }

    @Test
    void representationOfATypePromoDoesNotResolveIsBadUserInput() {
        ExecutionResult result = Entities.resolve(graphql, "... on Video { id }",
                List.of(ref("Video", "v1"), ref("Shop", "s1"), Map.of("id", "v2")));
        assertThat(result.getErrors()).hasSize(2).allSatisfy(error -> assertThat(error.getExtensions())
                .containsEntry("code", "BAD_USER_INPUT"));
        assertThat(result.getErrors()).extracting(error -> error.getPath())
                .containsExactlyInAnyOrder(List.of("_entities", 1), List.of("_entities", 2));
        assertThat((String) Entities.json(result).read("data._entities[0].id")).isEqualTo("v1");
    }
}
