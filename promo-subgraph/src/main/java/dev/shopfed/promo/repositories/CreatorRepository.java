package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.Creator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CreatorRepository {

    private static final String COLUMNS = "c.id, c.handle, c.display_name, c.bio, c.follower_count";

    private final JdbcClient jdbc;

    public CreatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Creator> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Creator> creators = jdbc.sql("SELECT " + COLUMNS + " FROM creators c WHERE c.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> creator(rs))
                .list();
        return Rows.byId(creators, Creator::id);
    }

    /** The creator profile of each user that has one, by user id. */
    public Map<String, Creator> findByUserIds(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT c.user_id, " + COLUMNS + " FROM creators c WHERE c.user_id IN (:ids)")
                .param("ids", userIds)
                .query((rs, n) -> Map.entry(rs.getString("user_id"), creator(rs)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The creators each user follows, most recently followed first, by user id. */
    public Map<String, List<Creator>> findFollowedBy(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT f.user_id, %s FROM follows f JOIN creators c ON c.id = f.creator_id
                        WHERE f.user_id IN (:ids)
                        ORDER BY f.user_id, f.followed_at DESC, c.seq""".formatted(COLUMNS))
                .param("ids", userIds)
                .query((rs, n) -> Map.entry(rs.getString("user_id"), creator(rs)))
                .list());
    }

    private static Creator creator(ResultSet rs) throws SQLException {
        return new Creator(rs.getString("id"), rs.getString("handle"), rs.getString("display_name"),
                rs.getString("bio"), rs.getInt("follower_count"));
    }
}
