package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.CountingDataSource;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.ShopLoader;
import dev.shopfed.commerce.dataloaders.ShopProductsLoader;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.ShopRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@DataFetcherTest
@ContextConfiguration(classes = {
        ShopDataFetcher.class, ShopRepository.class, ProductRepository.class, ShopLoader.class, ShopProductsLoader.class,
        CountingDataSource.Installer.class})
class ShopDataFetcherTest {

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void shopById() {
        Reply reply = client.anonymous("{ shop(id: \"s13\") { id name city rating } }").ok();

        Map<String, Object> row = jdbc.sql("SELECT name, city, rating FROM shops WHERE id = 's13'").query().singleRow();
        assertThat(reply.<String>read("$.data.shop.name")).isEqualTo(row.get("name"));
        assertThat(reply.<String>read("$.data.shop.city")).isEqualTo(row.get("city"));
        assertThat(reply.<Double>read("$.data.shop.rating")).isEqualTo(((Number) row.get("rating")).doubleValue());
        assertThat(client.anonymous("{ shop(id: \"s41\") { id } }").ok().<Object>read("$.data.shop")).isNull();
    }

    @Test
    void shopsAreFilteredByCityIgnoringCase() {
        List<String> all = client.anonymous("{ shops { id } }").ok().read("$.data.shops[*].id");
        assertThat(all).hasSize(40).doesNotHaveDuplicates();

        List<String> bandung = jdbc.sql("SELECT id FROM shops WHERE city = 'Bandung'").query(String.class).list();
        Reply reply = client.anonymous("{ shops(city: \"bandung\") { id city } }").ok();
        assertThat(reply.<List<String>>read("$.data.shops[*].id")).containsExactlyInAnyOrderElementsOf(bandung).isNotEmpty();
        assertThat(reply.<List<String>>read("$.data.shops[*].city")).containsOnly("Bandung");
        assertThat(client.anonymous("{ shops(city: \"Atlantis\") { id } }").ok().<List<Object>>read("$.data.shops")).isEmpty();
    }

    @Test
    void shopProductsPageThroughTheShopInOrder() {
        String shopId = jdbc.sql("SELECT shop_id FROM products GROUP BY shop_id ORDER BY COUNT(*) DESC, shop_id LIMIT 1")
                .query(String.class).single();
        List<String> expected = jdbc.sql("SELECT id FROM products WHERE shop_id = ? ORDER BY seq").param(shopId)
                .query(String.class).list();
        String query = """
                query($id: ID!, $after: String) {
                  shop(id: $id) { products(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }
                }""";

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>(Map.of("id", shopId));
            variables.put("after", after);
            Reply reply = client.anonymous(query, variables).ok();
            assertThat(reply.<Integer>read("$.data.shop.products.totalCount")).isEqualTo(expected.size());
            seen.addAll(reply.read("$.data.shop.products.edges[*].node.id"));
            hasNext = reply.read("$.data.shop.products.pageInfo.hasNextPage");
            after = reply.read("$.data.shop.products.pageInfo.endCursor");
            assertThat(seen.size()).isLessThanOrEqualTo(expected.size());
        }
        assertThat(seen).isEqualTo(expected);

        // a cursor at the end still reports the shop's total
        Map<String, Object> past = new HashMap<>(Map.of("id", shopId));
        past.put("after", after);
        Reply end = client.anonymous(query, past).ok();
        assertThat(end.<List<Object>>read("$.data.shop.products.edges")).isEmpty();
        assertThat(end.<Integer>read("$.data.shop.products.totalCount")).isEqualTo(expected.size());
    }

    @Test
    void productsOfEveryShopLoadInOneQuery() {
        CountingDataSource counter = (CountingDataSource) dataSource;
        counter.reset();

        Reply reply = client.anonymous("{ shops { id products(first: 3) { totalCount edges { node { id } } } } }").ok();

        assertThat(counter.statements()).isEqualTo(2); // the shops, then one page query for all 40
        Map<String, Integer> totals = new HashMap<>();
        jdbc.sql("SELECT shop_id, COUNT(*) FROM products GROUP BY shop_id")
                .query(rs -> {
                    totals.put(rs.getString(1), rs.getInt(2));
                });
        List<Map<String, Object>> shops = reply.read("$.data.shops");
        assertThat(shops).hasSize(40);
        for (int i = 0; i < shops.size(); i++) {
            String id = reply.read("$.data.shops[" + i + "].id");
            assertThat(reply.<Integer>read("$.data.shops[" + i + "].products.totalCount")).as(id)
                    .isEqualTo(totals.getOrDefault(id, 0));
            assertThat(reply.<List<Object>>read("$.data.shops[" + i + "].products.edges"))
                    .hasSize(Math.min(3, totals.getOrDefault(id, 0)));
        }
    }
}
