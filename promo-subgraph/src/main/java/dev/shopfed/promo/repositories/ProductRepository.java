package dev.shopfed.promo.repositories;

import dev.shopfed.promo.model.Product;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Promo's snapshot of the commerce catalogue (ids and names) and the products tagged in videos and streams. */
@Repository
public class ProductRepository {

    private final JdbcClient jdbc;

    public ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Product> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Product> products = jdbc.sql("SELECT p.id, p.name FROM products p WHERE p.id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> new Product(rs.getString("id"), rs.getString("name"), null))
                .list();
        return Rows.byId(products, Product::id);
    }

    /** The products tagged in each video, in tagging order, with their snapshot names. */
    public Map<String, List<Product>> taggedIn(Collection<String> videoIds) {
        if (videoIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT vp.video_id, p.id, p.name FROM video_products vp JOIN products p ON p.id = vp.product_id
                        WHERE vp.video_id IN (:ids)
                        ORDER BY vp.video_id, vp.position""")
                .param("ids", videoIds)
                .query((rs, n) -> Map.entry(rs.getString("video_id"),
                        new Product(rs.getString("id"), rs.getString("name"), null)))
                .list());
    }

    /** The products shown in each live stream, in showing order, as bare references. */
    public Map<String, List<Product>> shownIn(Collection<String> liveStreamIds) {
        if (liveStreamIds.isEmpty()) {
            return Map.of();
        }
        return Rows.grouped(jdbc.sql("""
                        SELECT lp.live_stream_id, lp.product_id FROM live_stream_products lp
                        WHERE lp.live_stream_id IN (:ids)
                        ORDER BY lp.live_stream_id, lp.position""")
                .param("ids", liveStreamIds)
                .query((rs, n) -> Map.entry(rs.getString("live_stream_id"),
                        Product.reference(rs.getString("product_id"))))
                .list());
    }
}
