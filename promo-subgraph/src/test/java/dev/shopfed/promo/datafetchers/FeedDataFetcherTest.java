package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.repositories.FeedPosition;
import dev.shopfed.promo.repositories.FeedRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import dev.shopfed.promo.services.FeedCursor;
import dev.shopfed.promo.services.FeedService;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({FeedDataFetcher.class, FeedService.class, FeedRepository.class, VideoRepository.class,
        LiveStreamRepository.class})
class FeedDataFetcherTest {

    private static final String FEED = """
            query Feed($first: Int, $after: String) {
              feed(first: $first, after: $after) {
                edges {
                  cursor
                  node {
                    __typename
                    ... on Video { id title publishedAt }
                    ... on LiveStream { id status startsAt }
                    ... on Product { id }
                  }
                }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesThroughTheWholeFeedNewestFirstWithoutDuplicatesOrGaps() {
        List<String> seen = new ArrayList<>();
        List<FeedPosition> positions = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNextPage = true;
        while (hasNextPage) {
            assertThat(pages++).as("pages so far").isLessThan(200);
            DocumentContext page = page(7, after);
            List<Map<String, Object>> edges = page.read("data.feed.edges");
            hasNextPage = page.read("data.feed.pageInfo.hasNextPage");
            assertThat(edges).as("page " + pages).hasSizeBetween(hasNextPage ? 7 : 1, 7);
            for (Map<String, Object> edge : edges) {
                @SuppressWarnings("unchecked")
                Map<String, Object> node = (Map<String, Object>) edge.get("node");
                seen.add(node.get("__typename") + ":" + node.get("id"));
                positions.add(FeedCursor.decode((String) edge.get("cursor")));
            }
            after = page.read("data.feed.pageInfo.endCursor");
            assertThat(after).as("endCursor is the last edge's cursor")
                    .isEqualTo(edges.get(edges.size() - 1).get("cursor"));
        }

        assertThat(seen).as("no item twice").doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).as("every feed item, no gaps").isEqualTo(feedItemsInDatabase());
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i).postedAt()).as("item " + i + " is not newer than the one before")
                    .isBeforeOrEqualTo(positions.get(i - 1).postedAt());
        }
    }

    @Test
    void mixesVideosLiveStreamsAndProductSpotlights() {
        List<String> kinds = page(100, null).read("data.feed.edges[*].node.__typename");
        assertThat(new HashSet<>(kinds)).containsExactlyInAnyOrder("Video", "LiveStream", "Product");
    }

    @Test
    void timestampsAreIsoInstants() {
        DocumentContext page = page(30, null);
        List<String> times = new ArrayList<>(page.read("data.feed.edges[*].node.publishedAt"));
        times.addAll(page.read("data.feed.edges[*].node.startsAt"));
        assertThat(times).isNotEmpty().allSatisfy(time -> assertThat(Instant.parse(time)).isNotNull());
    }

    @Test
    void defaultsToTenItems() {
        List<Object> edges = graphql.executeAndExtractJsonPath("{ feed { edges { cursor } } }", "data.feed.edges");
        assertThat(edges).hasSize(10);
    }

    @Test
    void zeroItemsIsAnEmptyPageThatStillHasMore() {
        DocumentContext page = page(0, null);
        assertThat((List<Object>) page.read("data.feed.edges")).isEmpty();
        assertThat((Boolean) page.read("data.feed.pageInfo.hasNextPage")).isTrue();
        assertThat((String) page.read("data.feed.pageInfo.endCursor")).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, -100, 101})
    void outOfRangeFirstIsBadUserInput(int first) {
        ExecutionResult result = execute(first, null);
        GraphQLError error = GraphQLErrors.single(result, "BAD_USER_INPUT");
        GraphQLErrors.hasPath(error, "feed");
        assertThat(error.getMessage()).contains("first");
        // feed is nullable (a promo failure must not null a whole screen's answer): it alone is null.
        assertThat((Object) result.getData()).isEqualTo(java.util.Collections.singletonMap("feed", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "ZmVlZA", "", "feed|2025-01-01T00:00:00Z|9|1"})
    void malformedCursorIsBadUserInput(String cursor) {
        String after = cursor.startsWith("feed|")
                ? Base64.getUrlEncoder().encodeToString(cursor.getBytes(StandardCharsets.UTF_8))
                : cursor;
        GraphQLError error = GraphQLErrors.single(execute(5, after), "BAD_USER_INPUT");
        GraphQLErrors.hasPath(error, "feed");
        assertThat(error.getMessage()).contains("after");
    }

    @Test
    void wronglyTypedVariableIsBadUserInput() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", "ten");
        GraphQLErrors.single(graphql.execute(FEED, variables), "BAD_USER_INPUT");
    }

    @Test
    void unknownFieldIsAValidationError() {
        GraphQLErrors.single(graphql.execute("{ feed { total } }"), "GRAPHQL_VALIDATION_FAILED");
    }

    private Set<String> feedItemsInDatabase() {
        return new HashSet<>(jdbc.sql("SELECT kind, item_id FROM feed_items")
                .query((rs, n) -> switch (rs.getInt("kind")) {
                    case 1 -> "Video:" + rs.getString("item_id");
                    case 2 -> "LiveStream:" + rs.getString("item_id");
                    default -> "Product:" + rs.getString("item_id");
                })
                .list());
    }

    private DocumentContext page(int first, String after) {
        ExecutionResult result = execute(first, after);
        assertThat(result.getErrors()).as("errors").isEmpty();
        return JsonPath.parse(result.toSpecification());
    }

    private ExecutionResult execute(int first, String after) {
        return graphql.execute(FEED, variables(first, after));
    }

    private static Map<String, Object> variables(int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        variables.put("after", after);
        return variables;
    }
}
