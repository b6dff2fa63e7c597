package dev.shopfed.promo.datafetchers;

import static dev.shopfed.promo.Entities.ref;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.netflix.graphql.dgs.DgsQueryExecutor;
import dev.shopfed.promo.Entities;
import dev.shopfed.promo.GraphQLErrors;
import dev.shopfed.promo.PromoSliceTest;
import dev.shopfed.promo.dataloaders.LegacyStockByProduct;
import dev.shopfed.promo.dataloaders.LiveStreamsById;
import dev.shopfed.promo.dataloaders.ProductsById;
import dev.shopfed.promo.dataloaders.ProductsByLiveStream;
import dev.shopfed.promo.repositories.LegacyCatalogueRepository;
import dev.shopfed.promo.repositories.LiveStreamRepository;
import dev.shopfed.promo.repositories.ProductRepository;
import graphql.ExecutionResult;
import java.util.List;
import java.util.Map;
import dev.shopfed.promo.services.PriceQuotes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Promo's legacy {@code Product.stock} and {@code inStock}, served while the label stock-to-commerce is off. */
@PromoSliceTest({ProductDataFetcher.class, PriceQuotes.class, LegacyStockDataFetcher.class, LiveStreamDataFetcher.class,
        ProductsById.class, LegacyStockByProduct.class, LiveStreamsById.class, ProductsByLiveStream.class,
        ProductRepository.class, LegacyCatalogueRepository.class, LiveStreamRepository.class})
class LegacyStockDataFetcherTest {

    private static final String STOCK = "... on Product { id stock inStock }";

    @Autowired
    DgsQueryExecutor graphql;

    @Autowired
    JdbcClient jdbc;

    /** Values of commerce's seed (p4 is sold out there too): inStock is stock > 0, as commerce derives it. */
    @Test
    void stockAndInStockComeFromTheLegacyCopy() {
        ExecutionResult result = Entities.resolve(graphql, STOCK,
                List.of(ref("Product", "p1"), ref("Product", "p4"), ref("Product", "p300")));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);

        assertThat((List<Integer>) json.read("data._entities[*].stock")).containsExactly(14, 0, 361);
        assertThat((List<Boolean>) json.read("data._entities[*].inStock")).containsExactly(true, false, true);
    }

    @Test
    void everyProductAnswersItsLegacyRow() {
        List<Map<String, Object>> rows = jdbc.sql("""
                        SELECT p.id, s.stock FROM products p JOIN legacy_product_stock s ON s.product_id = p.id
                        ORDER BY p.seq""")
                .query().listOfRows();
        assertThat(rows).hasSize(300);
        DocumentContext json = Entities.json(Entities.resolve(graphql, STOCK,
                rows.stream().map(row -> ref("Product", (String) row.get("id"))).toList()));

        assertThat((List<Integer>) json.read("data._entities[*].stock"))
                .isEqualTo(rows.stream().map(row -> row.get("stock")).toList());
        assertThat((List<Boolean>) json.read("data._entities[*].inStock"))
                .isEqualTo(rows.stream().map(row -> (Integer) row.get("stock") > 0).toList());
    }

    /** With the label off the gateway may ask promo for the stock of products it lists itself. */
    @Test
    void productsOfALiveStreamAnswerTheirLegacyStock() {
        String stream = jdbc.sql("SELECT live_stream_id FROM live_stream_products ORDER BY live_stream_id LIMIT 1")
                .query(String.class).single();
        List<Map<String, Object>> expected = jdbc.sql("""
                        SELECT lp.product_id, s.stock FROM live_stream_products lp
                        JOIN legacy_product_stock s ON s.product_id = lp.product_id
                        WHERE lp.live_stream_id = ? ORDER BY lp.position""")
                .param(stream).query().listOfRows();

        ExecutionResult result = Entities.resolve(graphql, "... on LiveStream { products { id stock inStock } }",
                List.of(ref("LiveStream", stream)));
        assertThat(result.getErrors()).isEmpty();
        DocumentContext json = Entities.json(result);
        assertThat(expected).isNotEmpty();
        assertThat((List<String>) json.read("data._entities[0].products[*].id"))
                .isEqualTo(expected.stream().map(row -> row.get("product_id")).toList());
        assertThat((List<Integer>) json.read("data._entities[0].products[*].stock"))
                .isEqualTo(expected.stream().map(row -> row.get("stock")).toList());
    }

    @Test
    void unknownProductIsNullWithAnError() {
        ExecutionResult result = Entities.resolve(graphql, STOCK,
                List.of(ref("Product", "p2"), ref("Product", "p999999")));
        GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 1);
        assertThat((Integer) Entities.json(result).read("data._entities[0].stock")).isEqualTo(3);
        assertThat((Object) Entities.json(result).read("data._entities[1]")).isNull();
    }

    /** A product promo knows but holds no legacy stock of fails at its stock: never a made-up 0. */
    @Test
    void aProductWithoutLegacyStockIsAnErrorAtItsStock() {
        jdbc.sql("INSERT INTO products (id, seq, name) VALUES ('p-unstocked', 100000, 'Not in the legacy copy')")
                .update();
        try {
            ExecutionResult result = Entities.resolve(graphql, "... on Product { id stock }",
                    List.of(ref("Product", "p-unstocked")));
            GraphQLErrors.hasPath(GraphQLErrors.single(result, "NOT_FOUND"), "_entities", 0, "stock");
            // stock is nullable, so the error nulls the field and the entity stays.
            assertThat((Object) Entities.json(result).read("data._entities[0].id")).isEqualTo("p-unstocked");
            assertThat((Object) Entities.json(result).read("data._entities[0].stock")).isNull();
        } finally {
            jdbc.sql("DELETE FROM products WHERE id = 'p-unstocked'").update();
        }
    }
}
