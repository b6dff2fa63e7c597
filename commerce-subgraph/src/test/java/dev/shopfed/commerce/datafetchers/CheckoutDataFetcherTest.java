package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.OrderItemsLoader;
import dev.shopfed.commerce.dataloaders.OrderLoader;
import dev.shopfed.commerce.dataloaders.PaymentLoader;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.CartService;
import dev.shopfed.commerce.services.OrderService;
import dev.shopfed.commerce.services.PaymentService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.shopfed.commerce.dataloaders.OrderDiscountsLoader;
import dev.shopfed.commerce.services.Clocks;
import dev.shopfed.commerce.services.PriceQuoteVerifier;
import org.springframework.test.context.ContextConfiguration;

@DataFetcherTest
@ContextConfiguration(classes = {
        CheckoutDataFetcher.class, CartDataFetcher.class, OrderDataFetcher.class,
        OrderService.class, PaymentService.class, CartService.class, Callers.class,
        OrderRepository.class, CartRepository.class, ProductRepository.class, UserRepository.class, PaymentRepository.class,
        ProductLoader.class, OrderItemsLoader.class, PaymentLoader.class, OrderLoader.class,
        PriceQuoteVerifier.class, Clocks.class, OrderDiscountsLoader.class})
class CheckoutDataFetcherTest {

    private static final String CHECKOUT = """
            mutation($key: String!) {
              checkout(idempotencyKey: $key) {
                id status createdAt total { amount formatted }
                items { quantity unitPrice { amount } lineTotal { amount } product { id } }
                payment { id }
              }
            }""";

    private static final String PAY = """
            mutation($orderId: ID!, $key: String!, $method: PaymentMethod!) {
              payOrder(orderId: $orderId, idempotencyKey: $key, method: $method) {
                id status method amount { amount } paidAt
              }
            }""";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void checkoutTurnsTheCartIntoAnOrderAndReservesItsStock() {
        stock("p30", 10);
        stock("p31", 5);
        add("u21", "p30", 2);
        add("u21", "p31", 1);
        int expectedTotal = 2 * price("p30") + price("p31");

        Reply reply = client.as("u21", CHECKOUT, Map.of("key", "happy")).ok();

        String orderId = reply.read("$.data.checkout.id");
        assertThat(reply.<String>read("$.data.checkout.status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(reply.<Integer>read("$.data.checkout.total.amount")).isEqualTo(expectedTotal);
        assertThat(reply.<List<String>>read("$.data.checkout.items[*].product.id")).containsExactly("p30", "p31");
        assertThat(reply.<List<Integer>>read("$.data.checkout.items[*].quantity")).containsExactly(2, 1);
        assertThat(reply.<Integer>read("$.data.checkout.items[0].unitPrice.amount")).isEqualTo(price("p30"));
        assertThat(reply.<Object>read("$.data.checkout.payment")).isNull();
        assertThat(stockOf("p30")).isEqualTo(8);
        assertThat(stockOf("p31")).isEqualTo(4);
        assertThat(cartLines("u21")).isZero();
        assertThat(jdbc.sql("SELECT user_id FROM orders WHERE id = ?").param(orderId).query(String.class).single()).isEqualTo("u21");
        assertThat(client.as("u21", "query($id: ID!) { order(id: $id) { total { amount } } }", Map.of("id", orderId)).ok()
                .<Integer>read("$.data.order.total.amount")).isEqualTo(expectedTotal);
    }

    @Test
    void replayingTheKeyReturnsTheFirstOrderAndCreatesNothing() {
        stock("p32", 10);
        stock("p33", 10);
        add("u22", "p32", 1);
        String first = client.as("u22", CHECKOUT, Map.of("key", "replay")).ok().read("$.data.checkout.id");
        add("u22", "p33", 2);
        int orders = count("orders");

        Reply replay = client.as("u22", CHECKOUT, Map.of("key", "replay")).ok();

        assertThat(replay.<String>read("$.data.checkout.id")).isEqualTo(first);
        assertThat(replay.<List<String>>read("$.data.checkout.items[*].product.id")).containsExactly("p32");
        assertThat(count("orders")).isEqualTo(orders);
        assertThat(stockOf("p33")).isEqualTo(10);
        assertThat(cartLines("u22")).isEqualTo(1); // the new line stays in the cart
    }

    @Test
    void idempotencyKeysBelongToOneBuyer() {
        stock("p34", 10);
        add("u23", "p34", 1);
        add("u24", "p34", 1);

        String a = client.as("u23", CHECKOUT, Map.of("key", "shared-key")).ok().read("$.data.checkout.id");
        String b = client.as("u24", CHECKOUT, Map.of("key", "shared-key")).ok().read("$.data.checkout.id");

        assertThat(a).isNotEqualTo(b);
        assertThat(stockOf("p34")).isEqualTo(8);
    }

    @Test
    void emptyCartCannotCheckOut() {
        int orders = count("orders");
        Reply reply = client.as("u25", CHECKOUT, Map.of("key", "empty"));

        assertThat(reply.errorCodes()).containsExactly("EMPTY_CART");
        assertThat(reply.<List<String>>read("$.errors[0].path")).containsExactly("checkout");
        assertThat(count("orders")).isEqualTo(orders);
    }

    @Test
    void insufficientStockFailsCleanlyAndReservesNothing() {
        stock("p35", 10);
        stock("p36", 5);
        add("u26", "p35", 2);
        add("u26", "p36", 3);
        stock("p36", 2); // someone else bought most of it meanwhile
        int orders = count("orders");

        Reply reply = client.as("u26", CHECKOUT, Map.of("key", "short"));

        assertThat(reply.errorCodes()).containsExactly("INSUFFICIENT_STOCK");
        assertThat(reply.<String>read("$.errors[0].message")).contains("p36");
        assertThat(stockOf("p35")).isEqualTo(10); // reserved before p36 failed, then rolled back
        assertThat(stockOf("p36")).isEqualTo(2);
        assertThat(count("orders")).isEqualTo(orders);
        assertThat(count("order_items WHERE product_id IN ('p35', 'p36')")).isZero();
        assertThat(cartLines("u26")).isEqualTo(2);

        // the failed attempt did not use up the key
        client.as("u26", "mutation { removeFromCart(productId: \"p36\") { itemCount } }").ok();
        client.as("u26", CHECKOUT, Map.of("key", "short")).ok();
        assertThat(stockOf("p35")).isEqualTo(8);
    }

    @Test
    void aTotalBeyondIntIsRefused() {
        jdbc.sql("UPDATE products SET price = 1000000000, stock = 10 WHERE id IN ('p37', 'p38')").update();
        add("u27", "p37", 1);
        add("u27", "p38", 1);
        jdbc.sql("UPDATE products SET price = 1500000000 WHERE id = 'p37'").update(); // price rose after adding
        int orders = count("orders");

        Reply reply = client.as("u27", CHECKOUT, Map.of("key", "huge"));

        assertThat(reply.errorCodes()).containsExactly("TOTAL_TOO_LARGE");
        assertThat(reply.<String>read("$.errors[0].message")).contains("2500000000");
        assertThat(count("orders")).isEqualTo(orders);
        assertThat(stockOf("p37")).isEqualTo(10);
    }

    @Test
    void checkoutAndPaymentNeedAKnownCallerAndAKey() {
        assertThat(client.anonymous(CHECKOUT, Map.of("key", "k")).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(client.as("nobody", CHECKOUT, Map.of("key", "k")).errorCodes()).containsExactly("UNAUTHENTICATED");
        assertThat(client.anonymous(PAY, Map.of("orderId", "o1", "key", "k", "method", "E_WALLET")).errorCodes())
                .containsExactly("UNAUTHENTICATED");
        assertThat(client.as("u28", CHECKOUT, Map.of("key", "  ")).errorCodes()).containsExactly("BAD_USER_INPUT");
        assertThat(client.as("u28", CHECKOUT, Map.of("key", "k".repeat(201))).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void payingAnOrderMarksItPaid() {
        String orderId = placeOrder("u29", "p39");
        int total = jdbc.sql("SELECT total FROM orders WHERE id = ?").param(orderId).query(Integer.class).single();

        Reply reply = client.as("u29", PAY, Map.of("orderId", orderId, "key", "pay-1", "method", "E_WALLET")).ok();

        assertThat(reply.<String>read("$.data.payOrder.status")).isEqualTo("SUCCEEDED");
        assertThat(reply.<String>read("$.data.payOrder.method")).isEqualTo("E_WALLET");
        assertThat(reply.<Integer>read("$.data.payOrder.amount.amount")).isEqualTo(total);
        Reply order = client.as("u29", "query($id: ID!) { order(id: $id) { status payment { id } } }", Map.of("id", orderId)).ok();
        assertThat(order.<String>read("$.data.order.status")).isEqualTo("PAID");
        assertThat(order.<String>read("$.data.order.payment.id")).isEqualTo(reply.read("$.data.payOrder.id"));
    }

    @Test
    void theDefaultPaymentMethodIsVirtualAccount() {
        String orderId = placeOrder("u30", "p40");
        Reply reply = client.as("u30", "mutation($id: ID!) { payOrder(orderId: $id, idempotencyKey: \"va\") { method } }",
                Map.of("id", orderId)).ok();
        assertThat(reply.<String>read("$.data.payOrder.method")).isEqualTo("VIRTUAL_ACCOUNT");
    }

    @Test
    void replayingAPaymentReturnsTheFirstAndAnotherKeyNeverChargesTwice() {
        String orderId = placeOrder("u31", "p41");
        String first = client.as("u31", PAY, Map.of("orderId", orderId, "key", "pay-a", "method", "CREDIT_CARD")).ok()
                .read("$.data.payOrder.id");
        int payments = count("payments");

        Reply replay = client.as("u31", PAY, Map.of("orderId", orderId, "key", "pay-a", "method", "E_WALLET")).ok();
        assertThat(replay.<String>read("$.data.payOrder.id")).isEqualTo(first);
        assertThat(replay.<String>read("$.data.payOrder.method")).isEqualTo("CREDIT_CARD");

        Reply second = client.as("u31", PAY, Map.of("orderId", orderId, "key", "pay-b", "method", "E_WALLET"));
        assertThat(second.errorCodes()).containsExactly("ORDER_ALREADY_PAID");
        assertThat(second.<Object>read("$.data")).isNull();
        assertThat(count("payments")).isEqualTo(payments);
        assertThat(count("payments WHERE order_id = '" + orderId + "'")).isEqualTo(1);
    }

    @Test
    void unknownOrSomeoneElsesOrderIsNotFound() {
        String orderId = placeOrder("u32", "p42");

        assertThat(client.as("u32", PAY, Map.of("orderId", "o-missing", "key", "x", "method", "E_WALLET")).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(client.as("u33", PAY, Map.of("orderId", orderId, "key", "x", "method", "E_WALLET")).errorCodes())
                .containsExactly("NOT_FOUND");
        assertThat(count("payments WHERE order_id = '" + orderId + "'")).isZero();
    }

    @Test
    void seededOrdersKeepTheirState() {
        Map<String, Object> cancelled = jdbc.sql("SELECT id, user_id FROM orders WHERE status = 'CANCELLED' ORDER BY id LIMIT 1")
                .query().singleRow();
        Reply reply = client.as((String) cancelled.get("user_id"), PAY,
                Map.of("orderId", cancelled.get("id"), "key", "late", "method", "E_WALLET"));
        assertThat(reply.errorCodes()).containsExactly("ORDER_CANCELLED");

        Map<String, Object> paid = jdbc.sql("SELECT id, user_id FROM orders WHERE status = 'PAID' ORDER BY id LIMIT 1")
                .query().singleRow();
        assertThat(client.as((String) paid.get("user_id"), PAY, Map.of("orderId", paid.get("id"), "key", "again", "method", "E_WALLET"))
                .errorCodes()).containsExactly("ORDER_ALREADY_PAID");
    }

    private String placeOrder(String userId, String productId) {
        stock(productId, 10);
        add(userId, productId, 1);
        return client.as(userId, CHECKOUT, Map.of("key", "order-" + productId)).ok().read("$.data.checkout.id");
    }

    private void add(String userId, String productId, int quantity) {
        client.as(userId, "mutation($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { id } }",
                Map.of("p", productId, "q", quantity)).ok();
    }

    private void stock(String productId, int units) {
        jdbc.sql("UPDATE products SET stock = ? WHERE id = ?").params(units, productId).update();
    }

    private int stockOf(String productId) {
        return jdbc.sql("SELECT stock FROM products WHERE id = ?").param(productId).query(Integer.class).single();
    }

    private int price(String productId) {
        return jdbc.sql("SELECT price FROM products WHERE id = ?").param(productId).query(Integer.class).single();
    }

    private int cartLines(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM cart_items WHERE user_id = ?").param(userId).query(Integer.class).single();
    }

    private int count(String tableAndCondition) {
        return jdbc.sql("SELECT COUNT(*) FROM " + tableAndCondition).query(Integer.class).single();
    }
}
