package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.LiveStream;
import dev.shopfed.promo.model.LiveStreamStatus;
import dev.shopfed.promo.model.Shop;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LiveStreamRepository {

    private static final String COLUMNS =
            "s.id, s.host_id, s.shop_id, s.title, s.status, s.viewer_count, s.starts_at";

    private final JdbcClient jdbc;

    public LiveStreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, LiveStream> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<LiveStream> streams = jdbc.sql("SELECT " + COLUMNS + " FROM live_streams s WHERE s.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> liveStream(rs))
                .list();
        return Rows.byId(streams, LiveStream::id);
    }

    /** All streams (or only those live now), latest start first. */
    public List<LiveStream> findAll(boolean liveOnly) {
        String where = liveOnly ? " WHERE s.status = 'LIVE'" : "";
        return jdbc.sql("SELECT " + COLUMNS + " FROM live_streams s" + where + " ORDER BY s.starts_at DESC, s.seq DESC")
                .query((rs, n) -> liveStream(rs))
                .list();
    }

    private static LiveStream liveStream(ResultSet rs) throws SQLException {
        String shopId = rs.getString("shop_id");
        return new LiveStream(rs.getString("id"), rs.getString("title"), rs.getString("host_id"),
                LiveStreamStatus.valueOf(rs.getString("status")), rs.getInt("viewer_count"),
                Rows.instant(rs, "starts_at"), shopId == null ? null : new Shop(shopId));
    }
}
