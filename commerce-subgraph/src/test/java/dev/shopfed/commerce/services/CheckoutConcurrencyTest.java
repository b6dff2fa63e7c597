package dev.shopfed.commerce.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.datafetchers.CartDataFetcher;
import dev.shopfed.commerce.datafetchers.CheckoutDataFetcher;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import dev.shopfed.commerce.dataloaders.OrderDiscountsLoader;
import dev.shopfed.commerce.services.Clocks;
import dev.shopfed.commerce.services.PriceQuoteVerifier;
import org.springframework.test.context.ContextConfiguration;

/** Real threads against the real (H2) database: stock and idempotency must hold under contention. */
@DataFetcherTest
@ContextConfiguration(classes = {
        CheckoutDataFetcher.class, CartDataFetcher.class,
        OrderService.class, PaymentService.class, CartService.class, Callers.class,
        OrderRepository.class, CartRepository.class, ProductRepository.class, UserRepository.class, PaymentRepository.class,
        ProductLoader.class,
        PriceQuoteVerifier.class, Clocks.class, OrderDiscountsLoader.class})
class CheckoutConcurrencyTest {

    private static final String CHECKOUT = "mutation($key: String!) { checkout(idempotencyKey: $key) { id } }";
    private static final String PAY = "mutation($id: ID!, $key: String!) { payOrder(orderId: $id, idempotencyKey: $key) { id } }";

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twentyBuyersCompetingForTheLastFiveUnitsBuyExactlyFive() throws Exception {
        int buyers = 20;
        int units = 5;
        stock("p50", buyers);
        for (int i = 1; i <= buyers; i++) {
            add("u" + i, "p50", 1);
        }
        stock("p50", units); // only five left when the rush starts
        int linesBefore = count("order_items WHERE product_id = 'p50'");

        List<Reply> replies = race(buyers, i -> () -> client.as("u" + (i + 1), CHECKOUT, Map.of("key", "rush")));

        List<Reply> won = replies.stream().filter(reply -> reply.errors().isEmpty()).toList();
        List<String> lostCodes = replies.stream().filter(reply -> !reply.errors().isEmpty())
                .flatMap(reply -> reply.errorCodes().stream()).toList();
        assertThat(won).hasSize(units);
        assertThat(lostCodes).hasSize(buyers - units).containsOnly("INSUFFICIENT_STOCK");
        assertThat(stockOf("p50")).isZero();
        assertThat(count("order_items WHERE product_id = 'p50'") - linesBefore).isEqualTo(units);
        assertThat(count("orders WHERE idempotency_key = 'rush'")).isEqualTo(units);
        assertThat(won.stream().map(reply -> reply.<String>read("$.data.checkout.id")).distinct()).hasSize(units);
    }

    @Test
    void concurrentReplaysOfOneKeyCreateOneOrder() throws Exception {
        stock("p51", 10);
        add("u21", "p51", 2);

        List<Reply> replies = race(10, i -> () -> client.as("u21", CHECKOUT, Map.of("key", "double-tap")));

        assertThat(replies).allSatisfy(reply -> assertThat(reply.errors()).isEmpty());
        assertThat(replies.stream().map(reply -> reply.<String>read("$.data.checkout.id")).distinct()).hasSize(1);
        assertThat(count("orders WHERE user_id = 'u21' AND idempotency_key = 'double-tap'")).isEqualTo(1);
        assertThat(stockOf("p51")).isEqualTo(8);
    }

    @Test
    void concurrentPaymentsWithDifferentKeysChargeOnce() throws Exception {
        stock("p52", 10);
        add("u22", "p52", 1);
        String orderId = client.as("u22", CHECKOUT, Map.of("key", "to-pay")).ok().read("$.data.checkout.id");

        List<Reply> replies = race(10, i -> () -> client.as("u22", PAY, Map.of("id", orderId, "key", "tap-" + i)));

        assertThat(replies.stream().filter(reply -> reply.errors().isEmpty())).hasSize(1);
        assertThat(replies.stream().filter(reply -> !reply.errors().isEmpty()).flatMap(reply -> reply.errorCodes().stream()))
                .hasSize(9).containsOnly("ORDER_ALREADY_PAID");
        assertThat(count("payments WHERE order_id = '" + orderId + "'")).isEqualTo(1);
    }

    /** Starts all tasks at once on their own threads and waits, bounded, for every result. */
    private static List<Reply> race(int threads, IntFunction<Callable<Reply>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<Reply> call = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> future : futures) {
                replies.add(future.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
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

    private int count(String tableAndCondition) {
        return jdbc.sql("SELECT COUNT(*) FROM " + tableAndCondition).query(Integer.class).single();
    }
}
