package dev.shopfed.promo.repositories;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the {@code feed_items} view: videos, live streams and product spotlights, newest first. */
@Repository
public class FeedRepository {

    /** One feed row: its position and the id of the video, live stream or product it shows. */
    public record FeedRow(FeedPosition position, String itemId) {
    }

    private static final String ORDER = " ORDER BY f.posted_at DESC, f.kind DESC, f.item_seq DESC LIMIT :limit";

    private final JdbcClient jdbc;

    public FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} rows after {@code after} (from the start when null). */
    public List<FeedRow> page(FeedPosition after, int limit) {
        String select = "SELECT f.posted_at, f.kind, f.item_id, f.item_seq FROM feed_items f";
        JdbcClient.StatementSpec statement = after == null
                ? jdbc.sql(select + ORDER)
                : jdbc.sql(select + " WHERE (f.posted_at, f.kind, f.item_seq) < (:postedAt, :kind, :seq)" + ORDER)
                        .param("postedAt", Rows.parameter(after.postedAt()))
                        .param("kind", after.kind())
                        .param("seq", after.seq());
        return statement.param("limit", limit)
                .query((rs, n) -> new FeedRow(
                        new FeedPosition(Rows.instant(rs, "posted_at"), rs.getInt("kind"), rs.getInt("item_seq")),
                        rs.getString("item_id")))
                .list();
    }
}
