package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.Video;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VideoRepository {

    private static final String COLUMNS =
            "v.id, v.seq, v.creator_id, v.title, v.duration_seconds, v.view_count, v.like_count, v.thumbnail_url, "
                    + "v.published_at";

    private final JdbcClient jdbc;

    public VideoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Video> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Video> videos = jdbc.sql("SELECT " + COLUMNS + " FROM videos v WHERE v.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> video(rs))
                .list();
        return Rows.byId(videos, Video::id);
    }

    /** Up to {@code limit} newest videos of each creator, in one query. */
    public Map<String, List<Video>> newestByCreators(Collection<String> creatorIds, int limit) {
        if (creatorIds.isEmpty() || limit <= 0) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT * FROM (
                            SELECT v.creator_id AS owner_id, %s,
                                   ROW_NUMBER() OVER (PARTITION BY v.creator_id
                                                      ORDER BY v.published_at DESC, v.seq DESC) AS rn
                            FROM videos v WHERE v.creator_id IN (:ids)) ranked
                        WHERE rn <= :limit
                        ORDER BY owner_id, rn""".formatted(COLUMNS))
                .param("ids", creatorIds)
                .param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("owner_id"), video(rs)))
                .list());
    }

    /** Up to {@code limit} newest videos tagging each product, in one query. */
    public Map<String, List<Video>> newestByProducts(Collection<String> productIds, int limit) {
        if (productIds.isEmpty() || limit <= 0) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT * FROM (
                            SELECT vp.product_id AS owner_id, %s,
                                   ROW_NUMBER() OVER (PARTITION BY vp.product_id
                                                      ORDER BY v.published_at DESC, v.seq DESC) AS rn
                            FROM video_products vp JOIN videos v ON v.id = vp.video_id
                            WHERE vp.product_id IN (:ids)) ranked
                        WHERE rn <= :limit
                        ORDER BY owner_id, rn""".formatted(COLUMNS))
                .param("ids", productIds)
                .param("limit", limit)
                .query((rs, n) -> Map.entry(rs.getString("owner_id"), video(rs)))
                .list());
    }

    private static Video video(ResultSet rs) throws SQLException {
        return new Video(rs.getString("id"), rs.getString("title"), rs.getString("creator_id"),
                rs.getInt("duration_seconds"), rs.getInt("view_count"), rs.getInt("like_count"),
                rs.getString("thumbnail_url"), Rows.instant(rs, "published_at"));
    }
}
