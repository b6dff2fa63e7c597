package dev.shopfed.promo.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.TestClock;
import dev.shopfed.promo.dataloaders.CreatorsById;
import dev.shopfed.promo.dataloaders.VideosById;
import dev.shopfed.promo.repositories.CampaignRepository;
import dev.shopfed.promo.repositories.CreatorRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.VideoRepository;
import graphql.ExecutionResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@PromoSliceTest({QueryDataFetcher.class, VideosById.class, CreatorsById.class, VideoRepository.class,
        CreatorRepository.class, LiveStreamRepository.class, CampaignRepository.class})
class QueryDataFetcherTest {

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    @Test
    void videoById() {
        assertThat((String) graphql.executeAndExtractJsonPath("{ video(id: \"v3\") { id title } }", "data.video.title"))
                .isEqualTo(jdbc.sql("SELECT title FROM videos WHERE id = 'v3'").query(String.class).single());
    }

    @Test
    void creatorById() {
        assertThat((String) graphql.executeAndExtractJsonPath("{ creator(id: \"c5\") { handle } }", "data.creator.handle"))
                .isEqualTo(jdbc.sql("SELECT handle FROM creators WHERE id = 'c5'").query(String.class).single());
    }

    /** A lookup of a missing id is a plain null: the field is nullable and nothing went wrong. */
    @Test
    void unknownIdsAreNullWithoutErrors() {
        ExecutionResult result = graphql.execute("{ video(id: \"v999999\") { id } creator(id: \"c999999\") { id } }");
        assertThat(result.getErrors()).isEmpty();
        assertThat((Map<String, Object>) result.getData()).containsEntry("video", null).containsEntry("creator", null);
    }

    @Test
    void liveStreamsAllOrLiveOnly() {
        List<String> all = graphql.executeAndExtractJsonPath("{ liveStreams { id } }", "data.liveStreams[*].id");
        assertThat(all).hasSize(jdbc.sql("SELECT COUNT(*) FROM live_streams").query(Integer.class).single())
                .doesNotHaveDuplicates();

        List<String> statuses = graphql.executeAndExtractJsonPath("{ liveStreams(liveOnly: true) { status } }",
                "data.liveStreams[*].status");
        assertThat(statuses).isNotEmpty().containsOnly("LIVE")
                .hasSize(jdbc.sql("SELECT COUNT(*) FROM live_streams WHERE status = 'LIVE'").query(Integer.class)
                        .single());
    }

    @Test
    void campaignsDefaultToTheActiveOnes() {
        List<String> active = graphql.executeAndExtractJsonPath("{ campaigns { id } }", "data.campaigns[*].id");
        List<String> all = graphql.executeAndExtractJsonPath("{ campaigns(activeOnly: false) { id } }",
                "data.campaigns[*].id");

        assertThat(active).isEqualTo(jdbc.sql("""
                        SELECT id FROM campaigns WHERE starts_at <= :now AND ends_at > :now ORDER BY seq""")
                .param("now", Instant.parse(TestClock.DEFAULT_NOW).atOffset(ZoneOffset.UTC))
                .query(String.class).list());
        assertThat(all).hasSize(jdbc.sql("SELECT COUNT(*) FROM campaigns").query(Integer.class).single());
        assertThat(all).containsAll(active).hasSizeGreaterThan(active.size());
    }
}
