package dev.shopfed.commerce.datafetchers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.dataloaders.AddressLoader;
import dev.shopfed.commerce.dataloaders.CartLoader;
import dev.shopfed.commerce.dataloaders.OrderItemsLoader;
import dev.shopfed.commerce.dataloaders.OrderLoader;
import dev.shopfed.commerce.dataloaders.PaymentLoader;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.dataloaders.PurchaseHistoryLoader;
import dev.shopfed.commerce.dataloaders.UserLoader;
import dev.shopfed.commerce.dataloaders.UserOrdersLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import dev.shopfed.commerce.services.Callers;
import dev.shopfed.commerce.services.OrderService;
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
        UserDataFetcher.class, OrderDataFetcher.class, Callers.class, OrderService.class,
        UserRepository.class, OrderRepository.class, CartRepository.class, ProductRepository.class, PaymentRepository.class,
        UserLoader.class, AddressLoader.class, CartLoader.class, UserOrdersLoader.class, OrderLoader.class,
        OrderItemsLoader.class, PaymentLoader.class, ProductLoader.class, PurchaseHistoryLoader.class,
        PriceQuoteVerifier.class, Clocks.class, OrderDiscountsLoader.class})
class UserDataFetcherTest {

    private static final String ME = """
            query($first: Int) {
              me {
                id
                addresses { label recipient street city postalCode }
                cart { id itemCount subtotal { amount } items { quantity } }
                orders(first: $first) {
                  id status createdAt total { amount formatted }
                  items { quantity unitPrice { amount } lineTotal { amount } product { id } }
                  payment { status method amount { amount } paidAt }
                }
              }
            }""";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void meIsNullForAnonymousAndUnknownCallers() {
        assertThat(client.anonymous("{ me { id } }").ok().<Object>read("$.data.me")).isNull();
        assertThat(client.as("u999", "{ me { id } }").ok().<Object>read("$.data.me")).isNull();
    }

    @Test
    void meHasTheCallersAddressesCartAndOrders() {
        String user = busiestUser();
        List<String> orderIds = jdbc.sql("SELECT id FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC")
                .param(user).query(String.class).list();
        List<String> streets = jdbc.sql("SELECT street FROM addresses WHERE user_id = ? ORDER BY position")
                .param(user).query(String.class).list();

        Reply reply = client.as(user, ME, Map.of("first", 20)).ok();

        assertThat(reply.<String>read("$.data.me.id")).isEqualTo(user);
        assertThat(reply.<List<String>>read("$.data.me.addresses[*].street")).isEqualTo(streets).isNotEmpty();
        assertThat(reply.<String>read("$.data.me.cart.id")).isEqualTo("cart-" + user);
        assertThat(reply.<Integer>read("$.data.me.cart.itemCount")).isZero();
        assertThat(reply.<List<String>>read("$.data.me.orders[*].id")).isEqualTo(orderIds);
        assertThat(reply.<List<String>>read("$.data.me.orders[*].createdAt")).allMatch(at -> at.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
    }

    @Test
    void orderHistoryIsConsistent() {
        String user = busiestUser();
        Reply reply = client.as(user, ME, Map.of("first", 20)).ok();

        List<Map<String, Object>> orders = reply.read("$.data.me.orders");
        for (int i = 0; i < orders.size(); i++) {
            String at = "$.data.me.orders[" + i + "]";
            int total = reply.read(at + ".total.amount");
            List<Integer> lineTotals = reply.read(at + ".items[*].lineTotal.amount");
            assertThat(lineTotals.stream().mapToInt(Integer::intValue).sum()).isEqualTo(total);
            String status = reply.read(at + ".status");
            Object payment = reply.read(at + ".payment");
            if (status.equals("PAID")) {
                assertThat(reply.<Integer>read(at + ".payment.amount.amount")).isEqualTo(total);
            } else {
                assertThat(payment).isNull();
            }
        }
    }

    @Test
    void ordersFirstLimitsToTheNewest() {
        String user = busiestUser();
        List<String> all = client.as(user, ME, Map.of("first", 20)).ok().read("$.data.me.orders[*].id");
        assertThat(all.size()).isGreaterThan(1);

        Reply reply = client.as(user, ME, Map.of("first", 1)).ok();
        assertThat(reply.<List<String>>read("$.data.me.orders[*].id")).containsExactly(all.get(0));
        assertThat(client.as(user, ME, Map.of("first", 101)).errorCodes()).containsExactly("BAD_USER_INPUT");
    }

    @Test
    void orderQueryShowsOnlyTheCallersOwnOrder() {
        String owner = jdbc.sql("SELECT user_id FROM orders WHERE id = 'o2'").query(String.class).single();
        String stranger = owner.equals("u1") ? "u2" : "u1";
        String query = "{ order(id: \"o2\") { id items { product { name } } } }";

        assertThat(client.as(owner, query).ok().<String>read("$.data.order.id")).isEqualTo("o2");
        assertThat(client.as(stranger, query).ok().<Object>read("$.data.order")).isNull();
        assertThat(client.anonymous(query).ok().<Object>read("$.data.order")).isNull();
        assertThat(client.as(owner, "{ order(id: \"o999\") { id } }").ok().<Object>read("$.data.order")).isNull();
    }

    @Test
    void anotherBuyersPrivateFieldsAreForbidden() {
        Reply reply = client.as("u1", """
                { _entities(representations: [{ __typename: "User", id: "u2" }]) { ... on User { id cart { id } } } }""");

        assertThat(reply.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(reply.<List<Object>>read("$.errors[0].path")).containsExactly("_entities", 0, "cart");

        Reply self = client.as("u2", """
                { _entities(representations: [{ __typename: "User", id: "u2" }]) { ... on User { id cart { id } } } }""").ok();
        assertThat(self.<String>read("$.data._entities[0].cart.id")).isEqualTo("cart-u2");
    }

    private static final String HISTORY = """
            query($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on User { id purchaseHistory { categories shopIds } } }
            }""";

    /** The seed's facts that promo's recommendations are built on (its tests use the same histories). */
    @Test
    void purchaseHistoryIsTheCategoriesAndShopsOfTheBuyersPaidOrders() {
        assertHistory("u3", List.of("BEAUTY", "HOME"), List.of("s11", "s39"));
        assertHistory("u5", List.of("ELECTRONICS", "HOME"), List.of("s11", "s8"));
        assertHistory("u13", List.of("BEAUTY", "FASHION"), List.of("s10", "s25"));
        assertHistory("u18", List.of("FOOD", "SPORTS"), List.of("s15", "s33"));

        Reply me = client.as("u3", "{ me { purchaseHistory { categories shopIds } } }").ok();
        assertThat(me.<List<String>>read("$.data.me.purchaseHistory.categories")).containsExactly("BEAUTY", "HOME");
    }

    /** Every buyer, against the same question asked of the tables directly. */
    @Test
    void purchaseHistoryAgreesWithTheOrdersForEveryBuyer() {
        List<String> buyers = jdbc.sql("SELECT id FROM users ORDER BY id").query(String.class).list();
        for (String buyer : buyers) {
            String paid = """
                    SELECT DISTINCT p.%s FROM orders o JOIN order_items i ON i.order_id = o.id
                    JOIN products p ON p.id = i.product_id WHERE o.user_id = ? AND o.status = 'PAID' ORDER BY 1""";
            Reply reply = client.as(buyer, HISTORY, user(buyer)).ok();
            assertThat(reply.<List<String>>read("$.data._entities[0].purchaseHistory.categories")).as(buyer)
                    .isEqualTo(jdbc.sql(paid.formatted("category")).param(buyer).query(String.class).list());
            assertThat(reply.<List<String>>read("$.data._entities[0].purchaseHistory.shopIds")).as(buyer)
                    .isEqualTo(jdbc.sql(paid.formatted("shop_id")).param(buyer).query(String.class).list());
        }
    }

    /** u1's orders were all cancelled, u2's are still awaiting payment: nothing was bought. */
    @Test
    void onlyPaidOrdersCount() {
        assertThat(jdbc.sql("SELECT DISTINCT status FROM orders WHERE user_id IN ('u1', 'u2')").query(String.class).list())
                .containsExactlyInAnyOrder("CANCELLED", "AWAITING_PAYMENT");
        assertHistory("u1", List.of(), List.of());
        assertHistory("u2", List.of(), List.of());

        // u50 has no orders: one of TOYS from s40 counts once it is paid, not before, and not when cancelled
        jdbc.sql("""
                INSERT INTO orders (id, user_id, status, total, idempotency_key, created_at)
                VALUES ('o-history', 'u50', 'AWAITING_PAYMENT', 1, 'history-1', TIMESTAMP '2025-06-01 10:00:00')""").update();
        String toy = jdbc.sql("SELECT id FROM products WHERE category = 'TOYS' AND shop_id = 's40' ORDER BY seq LIMIT 1")
                .query(String.class).single();
        jdbc.sql("INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES ('o-history', 1, ?, 1, 1)")
                .param(toy).update();
        assertHistory("u50", List.of(), List.of());
        jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = 'o-history'").update();
        assertHistory("u50", List.of(), List.of());
        jdbc.sql("UPDATE orders SET status = 'PAID' WHERE id = 'o-history'").update();
        assertHistory("u50", List.of("TOYS"), List.of("s40"));
    }

    @Test
    void anotherBuyersPurchaseHistoryIsForbidden() {
        Reply stranger = client.as("u5", HISTORY, user("u3"));
        assertThat(stranger.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(stranger.<List<Object>>read("$.errors[0].path")).containsExactly("_entities", 0, "purchaseHistory");
        assertThat(stranger.<Object>read("$.data._entities[0]")).isNull();
        assertThat(stranger.body().toString()).doesNotContain("BEAUTY").doesNotContain("s39");

        Reply anonymous = client.anonymous(HISTORY, user("u3"));
        assertThat(anonymous.errorCodes()).containsExactly("FORBIDDEN");
        assertThat(anonymous.body().toString()).doesNotContain("BEAUTY");
    }

    private static Map<String, Object> user(String id) {
        return Map.of("representations", List.of(Map.of("__typename", "User", "id", id)));
    }

    private void assertHistory(String buyer, List<String> categories, List<String> shopIds) {
        Reply reply = client.as(buyer, HISTORY, user(buyer)).ok();
        assertThat(reply.<List<String>>read("$.data._entities[0].purchaseHistory.categories")).as(buyer + " categories")
                .isEqualTo(categories);
        assertThat(reply.<List<String>>read("$.data._entities[0].purchaseHistory.shopIds")).as(buyer + " shops")
                .isEqualTo(shopIds);
    }

    private String busiestUser() {
        return jdbc.sql("SELECT user_id FROM orders GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 1")
                .query(String.class).single();
    }
}
