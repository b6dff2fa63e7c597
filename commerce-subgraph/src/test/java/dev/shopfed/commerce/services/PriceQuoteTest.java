package dev.shopfed.commerce.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.shopfed.commerce.CommerceClient;
import dev.shopfed.commerce.CommerceClient.Reply;
import dev.shopfed.commerce.DataFetcherTest;
import dev.shopfed.commerce.MovableClock;
import dev.shopfed.commerce.datafetchers.CartDataFetcher;
import dev.shopfed.commerce.datafetchers.CheckoutDataFetcher;
import dev.shopfed.commerce.datafetchers.OrderDataFetcher;
import dev.shopfed.commerce.datafetchers.UserDataFetcher;
import dev.shopfed.commerce.dataloaders.CartLoader;
import dev.shopfed.commerce.dataloaders.UserLoader;
import dev.shopfed.commerce.dataloaders.OrderDiscountsLoader;
import dev.shopfed.commerce.dataloaders.OrderItemsLoader;
import dev.shopfed.commerce.dataloaders.OrderLoader;
import dev.shopfed.commerce.dataloaders.PaymentLoader;
import dev.shopfed.commerce.dataloaders.ProductLoader;
import dev.shopfed.commerce.repositories.CartRepository;
import dev.shopfed.commerce.repositories.OrderRepository;
import dev.shopfed.commerce.repositories.PaymentRepository;
import dev.shopfed.commerce.repositories.ProductRepository;
import dev.shopfed.commerce.repositories.UserRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The price shown is the price paid: a cart line added with promo's signed quote is charged the quoted price, with the
 * discount as its own order line; a quote that lapses before checkout is refused with the new total, never charged.
 */
@DataFetcherTest
@ContextConfiguration(classes = {
        CartDataFetcher.class, CheckoutDataFetcher.class, OrderDataFetcher.class,
        CartService.class, OrderService.class, PaymentService.class, Callers.class, PriceQuoteVerifier.class,
        CartRepository.class, OrderRepository.class, ProductRepository.class, UserRepository.class,
        PaymentRepository.class, ProductLoader.class, OrderItemsLoader.class, OrderDiscountsLoader.class,
        PaymentLoader.class, OrderLoader.class, Clocks.class, PriceQuoteTest.Moving.class,
        UserDataFetcher.class, UserLoader.class, CartLoader.class})
class PriceQuoteTest {

    static final Instant START = Instant.parse("2030-06-15T00:00:00Z");
    static final ECKey PROMO_KEY = key("promo-test");
    static final ECKey OTHER_KEY = key("someone-else");

    private static final String ADD = """
            mutation($productId: ID!, $quantity: Int!, $quote: String) {
              addToCart(productId: $productId, quantity: $quantity, priceQuote: $quote) {
                subtotal { amount } discountTotal { amount } total { amount formatted }
                items { quantity lineTotal { amount } discount { amount formatted } product { id } }
              }
            }""";

    private static final String CART = """
            { me { cart { subtotal { amount } discountTotal { amount } total { amount }
                          items { discount { amount } product { id } } } } }""";

    private static final String CHECKOUT = """
            mutation($key: String!) {
              checkout(idempotencyKey: $key) {
                id total { amount formatted }
                items { quantity unitPrice { amount } lineTotal { amount } product { id } }
                discounts { product { id } campaignId amount { amount formatted } }
              }
            }""";

    private static final String PAY = """
            mutation($orderId: ID!, $key: String!) {
              payOrder(orderId: $orderId, idempotencyKey: $key) { status amount { amount } }
            }""";

    @TestConfiguration(proxyBeanMethods = false)
    static class Moving {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(START);
        }
    }

    @DynamicPropertySource
    static void promoKey(DynamicPropertyRegistry registry) throws IOException {
        Path jwks = Files.createTempFile("promo-price-quote", ".json");
        jwks.toFile().deleteOnExit();
        Files.writeString(jwks, new JWKSet(PROMO_KEY.toPublicJWK()).toString());
        registry.add("shopfed.price-quote.jwks-file", jwks::toString);
    }

    @Autowired
    CommerceClient client;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Test
    void theQuotedPriceIsChargedWithTheDiscountAsItsOwnLine() {
        stock("p47", 7);
        String quote = quote(PROMO_KEY, "p47", 109_000, 70_850, "cmp10", Duration.ofMinutes(15));

        Reply cart = client.as("u30", ADD, vars("p47", 1, quote)).ok();
        assertThat(cart.<Integer>read("$.data.addToCart.subtotal.amount")).isEqualTo(109_000);
        assertThat(cart.<Integer>read("$.data.addToCart.items[0].discount.amount")).isEqualTo(38_150);
        assertThat(cart.<Integer>read("$.data.addToCart.discountTotal.amount")).isEqualTo(38_150);
        assertThat(cart.<String>read("$.data.addToCart.total.formatted")).isEqualTo("Rp 70.850");

        Reply order = client.as("u30", CHECKOUT, Map.of("key", "quoted-1")).ok();
        assertThat(order.<String>read("$.data.checkout.total.formatted")).isEqualTo("Rp 70.850");
        assertThat(order.<Integer>read("$.data.checkout.items[0].unitPrice.amount")).isEqualTo(109_000);
        assertThat(order.<List<String>>read("$.data.checkout.discounts[*].product.id")).containsExactly("p47");
        assertThat(order.<List<String>>read("$.data.checkout.discounts[*].campaignId")).containsExactly("cmp10");
        assertThat(order.<List<Integer>>read("$.data.checkout.discounts[*].amount.amount")).containsExactly(38_150);

        String orderId = order.read("$.data.checkout.id");
        Reply paid = client.as("u30", PAY, Map.of("orderId", orderId, "key", "quoted-pay-1")).ok();
        assertThat(paid.<Integer>read("$.data.payOrder.amount.amount")).isEqualTo(70_850);
        // Replaying the checkout returns the same order and its discount line, not a second one.
        Reply replay = client.as("u30", CHECKOUT, Map.of("key", "quoted-1")).ok();
        assertThat(replay.<String>read("$.data.checkout.id")).isEqualTo(orderId);
        assertThat(replay.<List<Integer>>read("$.data.checkout.discounts[*].amount.amount")).containsExactly(38_150);
    }

    @Test
    void aCampaignEndingBetweenCartAndCheckoutIsRefusedThenTheShownPriceIsCharged() {
        stock("p48", 9);
        int price = price("p48");
        String quote = quote(PROMO_KEY, "p48", price, price - 1_000, "cmp7", Duration.ofMinutes(10));
        client.as("u31", ADD, vars("p48", 2, quote)).ok();

        clock.advance(Duration.ofMinutes(11)); // the campaign (and so the quote) ended
        Reply refused = client.as("u31", CHECKOUT, Map.of("key", "lapsed-1"));

        assertThat(refused.errorCodes()).containsExactly("PRICE_CHANGED");
        assertThat(refused.<Object>read("$.data")).isNull();
        assertThat(refused.<Integer>read("$.errors[0].extensions.total.amount")).isEqualTo(2 * price);
        assertThat(refused.<List<String>>read("$.errors[0].extensions.productIds")).containsExactly("p48");
        assertThat(refused.<List<Object>>read("$.errors[0].path")).containsExactly("checkout");
        assertThat(count("SELECT COUNT(*) FROM orders WHERE user_id = 'u31'")).isZero();
        assertThat(stockOf("p48")).isEqualTo(9);

        Reply cart = client.as("u31", CART).ok();
        assertThat(cart.<Object>read("$.data.me.cart.items[0].discount")).isNull();
        assertThat(cart.<Integer>read("$.data.me.cart.total.amount")).isEqualTo(2 * price);

        Reply order = client.as("u31", CHECKOUT, Map.of("key", "lapsed-2")).ok();
        assertThat(order.<Integer>read("$.data.checkout.total.amount")).isEqualTo(2 * price);
        assertThat(order.<List<Object>>read("$.data.checkout.discounts")).isEmpty();
    }

    @Test
    void forgedExpiredAndOtherProductsQuotesAreRefused() {
        stock("p49", 9);
        int price = price("p49");
        Map<String, String> refused = Map.of(
                "forged", quote(OTHER_KEY, "p49", price, 1, "cmp1", Duration.ofMinutes(5)),
                "expired", quote(PROMO_KEY, "p49", price, price - 1, "cmp1", Duration.ofSeconds(-1)),
                "other product", quote(PROMO_KEY, "p50", price("p50"), 1, "cmp1", Duration.ofMinutes(5)),
                "old catalogue price", quote(PROMO_KEY, "p49", price + 5_000, price, "cmp1", Duration.ofMinutes(5)),
                "no discount", quote(PROMO_KEY, "p49", price, price + 1, "cmp1", Duration.ofMinutes(5)),
                "not a JWS", "not-a-quote");
        refused.forEach((why, quote) -> {
            Reply reply = client.as("u32", ADD, vars("p49", 1, quote));
            assertThat(reply.errorCodes()).as(why).containsExactly("PRICE_QUOTE_INVALID");
            assertThat(reply.<String>read("$.errors[0].message")).as(why).startsWith("Price quote refused: ");
        });
        assertThat(count("SELECT COUNT(*) FROM cart_items WHERE user_id = 'u32'")).isZero();
    }

    @Test
    void aQuoteIsOnlyChargedWhileTheCatalogueKeepsThePriceItWasTakenOff() {
        stock("p51", 9);
        int price = price("p51");
        client.as("u33", ADD, vars("p51", 1, quote(PROMO_KEY, "p51", price, price - 500, "cmp4",
                Duration.ofMinutes(15)))).ok();
        jdbc.sql("UPDATE products SET price = price + 1000 WHERE id = 'p51'").update();

        Reply refused = client.as("u33", CHECKOUT, Map.of("key", "reprice-1"));

        assertThat(refused.errorCodes()).containsExactly("PRICE_CHANGED");
        assertThat(refused.<Integer>read("$.errors[0].extensions.total.amount")).isEqualTo(price + 1000);
    }

    static String quote(ECKey key, String productId, long basePrice, long unitPrice, String campaign, Duration valid) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("shopfed-promo").audience("commerce").subject(productId)
                .issueTime(Date.from(START)).expirationTime(Date.from(START.plus(valid)))
                .claim("basePrice", basePrice).claim("unitPrice", unitPrice).claim("currency", "IDR")
                .claim("campaign", campaign)
                .build();
        SignedJWT jws = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        try {
            jws.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jws.serialize();
    }

    private static ECKey key(String id) {
        try {
            // Both keys share the id: a forged quote names promo's key and still fails on the signature.
            return new ECKeyGenerator(Curve.P_256).keyID("promo").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(id, e);
        }
    }

    private static Map<String, Object> vars(String productId, int quantity, String quote) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("productId", productId);
        vars.put("quantity", quantity);
        vars.put("quote", quote);
        return vars;
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

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }
}
