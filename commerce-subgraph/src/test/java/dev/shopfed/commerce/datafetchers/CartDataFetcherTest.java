package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.CartService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.shopfed.commerce.services.Clocks;
import dev.shopfed.commerce.services.PriceQuoteVerifier;
import org.springframework.test.context.ContextConfiguration;

@DataFetcherTest
@ContextConfiguration(classes = {
        CartDataFetcher.class, CartService.class, Callers.class,
        CartRepository.class, ProductRepository.class, UserRepository.class, ProductLoader.class,
        PriceQuoteVerifier.class, Clocks.class})
class CartDataFetcherTest {

    private static final String ADD = """
            mutation($productId: ID!, $quantity: Int!) {
              addToCart(productId: $productId, quantity: $quantity) {
                id itemCount subtotal { amount currency formatted }
                items { quantity lineTotal { amount } product { id name price { amount } } }
              }
            }""";

    private static final String REMOVE = """
            mutation($productId: ID!) { removeFromCart(productId: $productId) { itemCount items { product { id } } } }""";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addingAccumulatesQuantityAndPricesTheCart() {
        int price = price("p10");
        stock("p10", 50);

        client.as("u11", ADD, Map.of("productId", "p10", "quantity", 2)).ok();
        Reply reply = client.as("u11", ADD, Map.of("productId", "p10", "quantity", 3)).ok();

        assertThat(reply.<String>read("$.data.addToCart.id")).isEqualTo("cart-u11");
        assertThat(reply.<List<Integer>>read("$.data.addToCart.items[*].quantity")).containsExactly(5);
        assertThat(reply.<Integer>read("$.data.addToCart.itemCount")).isEqualTo(5);
        assertThat(reply.<Integer>read("$.data.addToCart.items[0].lineTotal.amount")).isEqualTo(5 * price);
        assertThat(reply.<Integer>read("$.data.addToCart.subtotal.amount")).isEqualTo(5 * price);
        assertThat(reply.<String>read("$.data.addToCart.subtotal.currency")).isEqualTo("IDR");
        assertThat(reply.<String>read("$.data.addToCart.items[0].product.name"))
                .isEqualTo(jdbc.sql("SELECT name FROM products WHERE id = 'p10'").query(String.class).single());
    }

    @Test
    void linesKeepTheOrderTheyWereAddedInAndTheDefaultQuantityIsOne() {
        stock("p21", 10);
        stock("p12", 10);
        client.as("u12", ADD, Map.of("productId", "p21", "quantity", 1)).ok();
        Reply reply = client.as("u12", "mutation { addToCart(productId: \"p12\") { itemCount items { quantity product { id } } } }").ok();

        assertThat(reply.<List<String>>read("$.data.addToCart.items[*].product.id")).containsExactly("p21", "p12");
        assertThat(reply.<Integer>read("$.data.addToCart.itemCount")).isEqualTo(2);
    }

    @Test
    void cartMutationsNeedAKnownCaller() {
        for (String user : new String[] {null, "u999"}) {
            Reply add = user == null
                    ? client.anonymous(ADD, Map.of("productId", "p1", "quantity", 1))
                    : client.as(user, ADD, Map.of("productId", "p1", "quantity", 1));
            assertThat(add.errorCodes()).containsExactly("UNAUTHENTICATED");
            assertThat(add.<List<String>>read("$.errors[0].path")).containsExactly("addToCart");
            assertThat(add.<Object>read("$.data")).isNull();
        }
        assertThat(client.anonymous(REMOVE, Map.of("productId", "p1")).errorCodes()).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void unknownProductsAreNotFound() {
        assertThat(client.as("u13", ADD, Map.of("productId", "p0", "quantity", 1)).errorCodes()).containsExactly("NOT_FOUND");
        assertThat(client.as("u13", REMOVE, Map.of("productId", "nope")).errorCodes()).containsExactly("NOT_FOUND");
    }

    @Test
    void quantitiesOutsideOneTo999AreBadUserInput() {
        stock("p14", 5000);
        for (int quantity : new int[] {0, -3, 1000}) {
            Reply reply = client.as("u14", ADD, Map.of("productId", "p14", "quantity", quantity));
            assertThat(reply.errorCodes()).as("quantity %d", quantity).containsExactly("BAD_USER_INPUT");
            assertThat(reply.<String>read("$.errors[0].message")).contains("quantity");
        }
        assertThat(cartQuantity("u14", "p14")).isZero();
    }

    @Test
    void addingMoreThanIsLeftIsInsufficientStock() {
        stock("p15", 3);
        client.as("u15", ADD, Map.of("productId", "p15", "quantity", 2)).ok();

        Reply reply = client.as("u15", ADD, Map.of("productId", "p15", "quantity", 2));

        assertThat(reply.errorCodes()).containsExactly("INSUFFICIENT_STOCK");
        assertThat(cartQuantity("u15", "p15")).isEqualTo(2);
    }

    @Test
    void aCartWhoseTotalWouldOverflowIntIsRefused() {
        jdbc.sql("UPDATE products SET price = 1500000000, stock = 10 WHERE id = 'p16'").update();
        client.as("u16", ADD, Map.of("productId", "p16", "quantity", 1)).ok();

        Reply reply = client.as("u16", ADD, Map.of("productId", "p16", "quantity", 1));

        assertThat(reply.errorCodes()).containsExactly("TOTAL_TOO_LARGE");
        assertThat(cartQuantity("u16", "p16")).isEqualTo(1);
    }

    @Test
    void removingDropsTheWholeLineAndIsIdempotent() {
        stock("p17", 10);
        stock("p18", 10);
        client.as("u17", ADD, Map.of("productId", "p17", "quantity", 4)).ok();
        client.as("u17", ADD, Map.of("productId", "p18", "quantity", 1)).ok();

        Reply removed = client.as("u17", REMOVE, Map.of("productId", "p17")).ok();
        assertThat(removed.<List<String>>read("$.data.removeFromCart.items[*].product.id")).containsExactly("p18");
        assertThat(removed.<Integer>read("$.data.removeFromCart.itemCount")).isEqualTo(1);

        Reply again = client.as("u17", REMOVE, Map.of("productId", "p17")).ok();
        assertThat(again.<Integer>read("$.data.removeFromCart.itemCount")).isEqualTo(1);
    }

    private int price(String productId) {
        return jdbc.sql("SELECT price FROM products WHERE id = ?").param(productId).query(Integer.class).single();
    }

    private void stock(String productId, int units) {
        jdbc.sql("UPDATE products SET stock = ? WHERE id = ?").params(units, productId).update();
    }

    private int cartQuantity(String userId, String productId) {
        return jdbc.sql("SELECT COALESCE(SUM(quantity), 0) FROM cart_items WHERE user_id = ? AND product_id = ?")
                .params(userId, productId).query(Integer.class).single();
    }
}
