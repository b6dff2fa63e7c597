package dev.shopfed.commerce.repositories;

import dev.shopfed.commerce.model.Category;
import dev.shopfed.commerce.model.Money;
import dev.shopfed.commerce.model.Product;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ProductRepository {

    private static final String COLUMNS = columns("p");

    private final JdbcClient jdbc;

    public ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One query for any number of ids; missing ids are simply absent from the map. */
    public Map<String, Product> findByIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM products p WHERE p.id IN (:ids)")
                .param("ids", ids)
                .query(ProductRepository::map)
                .list()
                .stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
    }

    /** A page of the catalogue in {@code seq} order, plus the total matching the criteria. */
    public CataloguePage search(CatalogueCriteria criteria, int first, int afterSeq) {
        Map<String, Object> params = new HashMap<>(criteria.params());
        String from = " FROM products p JOIN shops s ON s.id = p.shop_id WHERE " + criteria.where();
        int total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Integer.class).single();

        params.put("after", afterSeq);
        params.put("limit", first + 1);
        List<Product> rows = jdbc.sql("SELECT " + COLUMNS + from + " AND p.seq > :after ORDER BY p.seq LIMIT :limit")
                .params(params)
                .query(ProductRepository::map)
                .list();
        return CataloguePage.of(rows, first, total);
    }

    /**
     * The page after {@code afterSeq} of every listed shop, with each shop's total, in ONE query:
     * rows past the cursor are numbered per shop and cut at {@code first + 1}.
     */
    public Map<String, CataloguePage> pagesByShop(Collection<String> shopIds, int first, int afterSeq) {
        Map<String, List<Product>> rows = new HashMap<>();
        Map<String, Integer> totals = new HashMap<>();
        jdbc.sql("""
                        SELECT s.id AS owner_id, COALESCE(counts.shop_total, 0) AS shop_total, %s
                        FROM shops s
                        LEFT JOIN (SELECT shop_id, COUNT(*) AS shop_total FROM products
                                   WHERE shop_id IN (:shopIds) GROUP BY shop_id) counts ON counts.shop_id = s.id
                        LEFT JOIN (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.shop_id ORDER BY p.seq) AS page_pos
                                   FROM products p WHERE p.shop_id IN (:shopIds) AND p.seq > :after) page
                               ON page.shop_id = s.id AND page.page_pos <= :limit
                        WHERE s.id IN (:shopIds)
                        ORDER BY s.id, page.seq""".formatted(columns("page")))
                .param("shopIds", shopIds)
                .param("after", afterSeq)
                .param("limit", first + 1)
                .query(rs -> {
                    String shopId = rs.getString("owner_id");
                    totals.put(shopId, rs.getInt("shop_total"));
                    List<Product> page = rows.computeIfAbsent(shopId, id -> new ArrayList<>());
                    if (rs.getString("id") != null) {
                        page.add(map(rs, 0));
                    }
                });
        Map<String, CataloguePage> pages = new HashMap<>();
        totals.forEach((shopId, total) -> pages.put(shopId, CataloguePage.of(rows.get(shopId), first, total)));
        return pages;
    }

    /** Takes {@code quantity} units if, and only if, that many are left. */
    public boolean reserveStock(String productId, int quantity) {
        int updated = jdbc.sql("UPDATE products SET stock = stock - :quantity WHERE id = :id AND stock >= :quantity")
                .param("quantity", quantity)
                .param("id", productId)
                .update();
        return updated == 1;
    }

    private static String columns(String alias) {
        return Stream.of("id", "seq", "shop_id", "name", "description", "category", "price", "cost_price", "image_url", "stock")
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        Long costPrice = rs.getObject("cost_price", Long.class);
        return new Product(
                rs.getString("id"),
                rs.getInt("seq"),
                rs.getString("shop_id"),
                rs.getString("name"),
                rs.getString("description"),
                Category.valueOf(rs.getString("category")),
                Money.rupiah(rs.getLong("price")),
                rs.getString("image_url"),
                rs.getInt("stock"),
                costPrice == null ? null : Money.rupiah(costPrice));
    }
}
