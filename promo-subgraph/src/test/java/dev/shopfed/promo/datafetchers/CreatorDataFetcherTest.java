package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.VideosByCreator;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({CreatorDataFetcher.class, CreatorsById.class, VideosByCreator.class, CreatorRepository.class,
        VideoRepository.class})
class CreatorDataFetcherTest {

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void resolvesCreatorsWithTheirNewestVideos() {
        ExecutionResult result = Entities.resolve(graphql,
                "... on Creator { id handle displayName bio followerCount videos(first: 3) { id } }",
                List.of(ref("Creator", "c2"), ref("Creator", "c1")));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        assertThat((String) json.read("data._entities[0].id")).isEqualTo("c2");
        assertThat((String) json.read("data._entities[1].id")).isEqualTo("c1");
        Map<String, Object> c1 = jdbc.sql("SELECT handle, display_name, bio, follower_count FROM creators WHERE id = 'c1'")
                .query().singleRow();
        assertThat((String) json.read("data._entities[1].handle")).isEqualTo(c1.get("handle"));
        assertThat((String) json.read("data._entities[1].displayName")).isEqualTo(c1.get("display_name"));
        assertThat((String) json.read("data._entities[1].bio")).isEqualTo(c1.get("bio"));
        assertThat((Integer) json.read("data._entities[1].followerCount")).isEqualTo(c1.get("follower_count"));
        assertThat((List<String>) json.read("data._entities[1].videos[*].id")).isEqualTo(newestVideos("c1", 3));
        assertThat((List<String>) json.read("data._entities[0].videos[*].id")).isEqualTo(newestVideos("c2", 3));
    }

    @Test
    void videosDefaultToTen() {
        String busiest = jdbc.sql("SELECT creator_id FROM videos GROUP BY creator_id ORDER BY COUNT(*) DESC, creator_id LIMIT 1")
                .query(String.class).single();
        List<String> videos = Entities.json(Entities.resolve(graphql, "... on Creator { videos { id } }",
                List.of(ref("Creator", busiest)))).read("data._entities[0].videos[*].id");
        assertThat(videos).hasSize(10).isEqualTo(newestVideos(busiest, 10));
    }

    @Test
    void unknownCreatorIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, "... on Creator { id handle }",
                List.of(ref("Creator", "c1"), ref("Creator", "c999999")));
        GraphQLError error = GraphQLErrors.single(result, "NOT_FOUND");
        GraphQLErrors.hasPath(error, "_entities", 1);
        DocumentContext json = Entities.json(result);
        assertThat((String) json.read("data._entities[0].id")).isEqualTo("c1");
        assertThat((Object) json.read("data._entities[1]")).isNull();
    }

    @Test
    void negativeFirstIsBadUserInput() {
        GraphQLError error = GraphQLErrors.single(Entities.resolve(graphql, "... on Creator { videos(first: -2) { id } }",
                List.of(ref("Creator", "c1"))), "BAD_USER_INPUT");
        GraphQLErrors.hasPath(error, "_entities", 0, "videos");
    }

    private List<String> newestVideos(String creatorId, int limit) {
        return jdbc.sql("SELECT id FROM videos WHERE creator_id = ? ORDER BY published_at DESC, seq DESC LIMIT ?")
                .params(creatorId, limit)
                .query(String.class)
                .list();
    }
}
