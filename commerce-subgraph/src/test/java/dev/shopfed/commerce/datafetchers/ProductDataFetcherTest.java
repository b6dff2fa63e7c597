package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.dataloaders.ShopLoader;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.ShopRepository;
import dev.shopfed.commerce.services.CatalogueService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

@DataFetcherTest
@ContextConfiguration(classes = {
        ProductDataFetcher.class, CatalogueService.class, ProductRepository.class, ShopRepository.class,
        ProductLoader.class, ShopLoader.class})
class ProductDataFetcherTest {

    private static final String PAGE = """
            query($search: String, $filter: ProductFilter, $first: Int, $after: String) {
              products(search: $search, filter: $filter, first: $first, after: $after) {
                totalCount
                pageInfo { hasNextPage endCursor }
                edges { cursor node { id name description category price { amount } stock inStock shop { city } } }
              }
            }""";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    /** One seeded product row, read independently of the code under test. */
    record Row(String id, String name, String description, String category, long price, long costPrice, int stock,
               String imageUrl, String shopId, String city) {
    }

    List<Row> catalogue() {
        return jdbc.sql("""
                        SELECT p.id, p.name, p.description, p.category, p.price, p.cost_price, p.stock, p.image_url,
                               p.shop_id, s.city
                        FROM products p JOIN shops s ON s.id = p.shop_id ORDER BY p.seq""")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .list();
    }

    @Test
    void productByIdHasItsSeededFields() {
        Row row = catalogue().get(41);

        Reply reply = client.anonymous("""
                query($id: ID!) {
                  product(id: $id) {
                    id name description category imageUrl stock inStock
                    price { amount currency formatted } costPrice { amount }
                    shop { id city }
                  }
                }""", Map.of("id", row.id())).ok();

        assertThat(reply.<String>read("$.data.product.name")).isEqualTo(row.name());
        assertThat(reply.<String>read("$.data.product.description")).isEqualTo(row.description());
        assertThat(reply.<String>read("$.data.product.category")).isEqualTo(row.category());
        assertThat(reply.<String>read("$.data.product.imageUrl")).isEqualTo(row.imageUrl()).startsWith("https://img.example.com/");
        assertThat(reply.<Integer>read("$.data.product.stock")).isEqualTo(row.stock());
        assertThat(reply.<Boolean>read("$.data.product.inStock")).isEqualTo(row.stock() > 0);
        assertThat(reply.<Integer>read("$.data.product.price.amount")).isEqualTo((int) row.price());
        assertThat(reply.<String>read("$.data.product.price.currency")).isEqualTo("IDR");
        assertThat(reply.<String>read("$.data.product.price.formatted")).startsWith("Rp ").doesNotContain(",");
        assertThat(reply.<Integer>read("$.data.product.costPrice.amount")).isEqualTo((int) row.costPrice());
        assertThat(reply.<String>read("$.data.product.shop.id")).isEqualTo(row.shopId());
        assertThat(reply.<String>read("$.data.product.shop.city")).isEqualTo(row.city());
    }

    @Test
    void unknownProductIsNullWithoutError() {
        Reply reply = client.anonymous("{ product(id: \"p301\") { id } }").ok();
        assertThat(reply.<Object>read("$.data.product")).isNull();
    }

    @Test
    void walkingAllPagesVisitsTheWholeCatalogueOnceInOrder() {
        List<String> expected = catalogue().stream().map(Row::id).toList();
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        int pages = 0;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 37));
            variables.put("after", after);
            Reply reply = client.anonymous(PAGE, variables).ok();
            assertThat(reply.<Integer>read("$.data.products.totalCount")).isEqualTo(300);
            List<String> ids = reply.read("$.data.products.edges[*].node.id");
            seen.addAll(ids);
            hasNext = reply.read("$.data.products.pageInfo.hasNextPage");
            after = reply.read("$.data.products.pageInfo.endCursor");
            if (!ids.isEmpty()) {
                assertThat(after).isEqualTo(reply.<String>read("$.data.products.edges[-1].cursor"));
            }
            assertThat(++pages).isLessThanOrEqualTo(9);
        }
        assertThat(pages).isEqualTo(9); // 8 pages of 37 and one of 4
        assertThat(seen).isEqualTo(expected);
        assertThat(seen).hasSize(300).startsWith("p1", "p2", "p3").endsWith("p300");
    }

    @Test
    void cursorsAreOpaqueAndResumeRightAfterTheirEdge() {
        Reply first = client.anonymous(PAGE, Map.of("first", 5)).ok();
        String thirdCursor = first.read("$.data.products.edges[2].cursor");
        assertThat(thirdCursor).doesNotContain("p3").doesNotContain("3");

        Reply resumed = client.anonymous(PAGE, Map.of("first", 2, "after", thirdCursor)).ok();
        assertThat(resumed.<List<String>>read("$.data.products.edges[*].node.id")).containsExactly("p4", "p5");
    }

    @Test
    void zeroFirstGivesOnlyTheCount() {
        Reply reply = client.anonymous(PAGE, Map.of("first", 0)).ok();
        assertThat(reply.<List<Object>>read("$.data.products.edges")).isEmpty();
        assertThat(reply.<Integer>read("$.data.products.totalCount")).isEqualTo(300);
        assertThat(reply.<Boolean>read("$.data.products.pageInfo.hasNextPage")).isTrue();
        assertThat(reply.<Object>read("$.data.products.pageInfo.endCursor")).isNull();
    }

    @Test
    void filtersCombineAndTotalCountMatchesTheCatalogue() {
        Map<String, Object> filter = Map.of("category", "FOOD", "city", "jakarta", "minPrice", 20000, "maxPrice", 150000,
                "inStockOnly", true);
        List<String> expected = catalogue().stream()
                .filter(row -> row.category().equals("FOOD") && row.city().equals("Jakarta"))
                .filter(row -> row.price() >= 20000 && row.price() <= 150000 && row.stock() > 0)
                .map(Row::id)
                .toList();
        assertThat(expected).isNotEmpty();

        Reply reply = client.anonymous(PAGE, Map.of("filter", filter, "first", 100)).ok();

        assertThat(reply.<Integer>read("$.data.products.totalCount")).isEqualTo(expected.size());
        assertThat(reply.<List<String>>read("$.data.products.edges[*].node.id")).isEqualTo(expected);
        assertThat(reply.<List<String>>read("$.data.products.edges[*].node.shop.city")).containsOnly("Jakarta");
    }

    @Test
    void inStockOnlyHidesSoldOutProducts() {
        long soldOut = catalogue().stream().filter(row -> row.stock() == 0).count();
        assertThat(soldOut).isPositive();

        Reply reply = client.anonymous(PAGE, Map.of("filter", Map.of("inStockOnly", true), "first", 100)).ok();

        assertThat(reply.<Integer>read("$.data.products.totalCount")).isEqualTo(300 - (int) soldOut);
        assertThat(reply.<List<Boolean>>read("$.data.products.edges[*].node.inStock")).containsOnly(true);
    }

    @Test
    void searchMatchesNameOrDescriptionCaseInsensitively() {
        List<String> expected = catalogue().stream()
                .filter(row -> (row.name() + " " + row.description()).toLowerCase(Locale.ROOT).contains("kopi"))
                .map(Row::id)
                .toList();
        assertThat(expected).isNotEmpty();

        Reply reply = client.anonymous(PAGE, Map.of("search", "KoPi", "first", 100)).ok();

        assertThat(reply.<Integer>read("$.data.products.totalCount")).isEqualTo(expected.size());
        assertThat(reply.<List<String>>read("$.data.products.edges[*].node.id")).isEqualTo(expected);
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        assertThat(client.anonymous(PAGE, Map.of("search", "%")).ok().<Integer>read("$.data.products.totalCount")).isZero();
        assertThat(client.anonymous(PAGE, Map.of("search", "_")).ok().<Integer>read("$.data.products.totalCount")).isZero();
        assertThat(client.anonymous(PAGE, Map.of("search", " ")).ok().<Integer>read("$.data.products.totalCount")).isEqualTo(300);
    }

    @Test
    void badPagingArgumentsAreBadUserInput() {
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("first", -1),
                Map.of("first", 101),
                Map.of("after", "not-a-cursor"),
                Map.of("after", "cHJvZHVjdDp4"), // base64 of "product:x"
                Map.of("filter", Map.of("minPrice", 200000, "maxPrice", 100000)))) {
            Reply reply = client.anonymous(PAGE, variables);
            assertThat(reply.errorCodes()).as("%s", variables).containsExactly("BAD_USER_INPUT");
            assertThat(reply.<List<String>>read("$.errors[0].path")).containsExactly("products");
            assertThat(reply.<Object>read("$.data")).isNull();
        }
    }

    @Test
    void invalidEnumIsAValidationError() {
        Reply reply = client.anonymous(PAGE, Map.of("filter", Map.of("category", "WEAPONS")));
        assertThat(reply.errorCodes()).containsExactly("GRAPHQL_VALIDATION_FAILED");
        assertThat(reply.<String>read("$.errors[0].message")).contains("WEAPONS");
    }
}
