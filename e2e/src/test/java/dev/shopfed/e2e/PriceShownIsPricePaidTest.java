package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.Carts;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The price the product page shows is the price the order charges: the page's priceQuote (signed by promo) goes back
 * through the gateway with addToCart, and commerce charges the quoted promo price with the discount as its own line.
 * p47 costs Rp 109.000 in commerce and is in a 35 % campaign (cmp10) that runs until 2099.
 */
@ExtendWith(FederationExtension.class)
class PriceShownIsPricePaidTest {

  private static final String BUYER = "u44";
  private static final String OTHER_BUYER = "u45";

  private final Gateway gateway;
  private final Operations operations;
  private final Operation productPage;
  private final Operation addToCart;
  private final Operation checkout;
  private final Operation pay;

  PriceShownIsPricePaidTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
    this.productPage = operations.get("productPage.graphql");
    this.addToCart = operations.get("cart.graphql", "AddToCart");
    this.checkout = operations.get("checkout.graphql");
    this.pay = operations.get("pay.graphql");
  }

  @Test
  void theShownPromoPriceIsWhatTheOrderChargesWithTheDiscountAsItsOwnLine() {
    JsonNode product = page("p47");
    assertThat(product.at("/price/formatted").asString()).as("p47 commerce price").isEqualTo("Rp 109.000");
    assertThat(product.at("/promoPrice/formatted").asString()).as("p47 promo price shown").isEqualTo("Rp 70.850");
    String quote = product.path("priceQuote").asString();
    assertThat(quote).as("p47 priceQuote").isNotBlank();

    new Carts(gateway, operations, BUYER).empty();
    JsonNode cart = Carts.checked(gateway.as(BUYER, addToCart,
        Map.of("productId", "p47", "quantity", 1, "priceQuote", quote)).data().get("addToCart"), "addToCart(p47)");
    assertThat(cart.at("/total/formatted").asString()).as("cart total").isEqualTo("Rp 70.850");
    assertThat(cart.at("/items/0/discount/formatted").asString()).as("cart line discount").isEqualTo("Rp 38.150");

    JsonNode order = gateway.as(BUYER, checkout, Map.of("idempotencyKey", "quoted-" + UUID.randomUUID())).data()
        .get("checkout");
    assertThat(order.at("/total/formatted").asString()).as("order total " + order).isEqualTo("Rp 70.850");
    assertThat(order.at("/items/0/unitPrice/amount").asInt()).as("order line at catalogue price").isEqualTo(109_000);
    assertThat(order.path("discounts").size()).as("discount lines " + order).isEqualTo(1);
    assertThat(order.at("/discounts/0/product/id").asString()).isEqualTo("p47");
    assertThat(order.at("/discounts/0/campaignId").asString()).isEqualTo("cmp10");
    assertThat(order.at("/discounts/0/amount/formatted").asString()).as("discount line").isEqualTo("Rp 38.150");

    JsonNode payment = gateway.as(BUYER, pay, Map.of("orderId", order.path("id").asString(),
        "idempotencyKey", "quoted-pay-" + UUID.randomUUID())).data().get("payOrder");
    assertThat(payment.at("/amount/formatted").asString()).as("charged").isEqualTo("Rp 70.850");
  }

  @Test
  void aTamperedQuoteOrAnotherProductsQuoteIsRefusedWithAClearError() {
    String quote = page("p47").path("priceQuote").asString();
    String[] parts = quote.split("\\.");
    // Same header and signature, the payload of another (cheaper) claim: the signature no longer matches.
    String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
    new Carts(gateway, operations, OTHER_BUYER).empty();

    assertRefused(gateway.as(OTHER_BUYER, addToCart, Map.of("productId", "p47", "priceQuote", tampered)));
    assertRefused(gateway.as(OTHER_BUYER, addToCart, Map.of("productId", "p16", "priceQuote", quote)));
    assertThat(new Carts(gateway, operations, OTHER_BUYER).current().path("items").isEmpty())
        .as("nothing was added").isTrue();
  }

  private static void assertRefused(GraphQLResponse response) {
    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.body().path("data").isNull()).as("data " + response.describe()).isTrue();
    JsonNode error = response.errors().path(0);
    assertThat(error.at("/extensions/code").asString()).as(response.describe()).isEqualTo("PRICE_QUOTE_INVALID");
    assertThat(error.path("message").asString()).startsWith("Price quote refused: ");
    assertThat(error.at("/path/0").asString()).isEqualTo("addToCart");
  }

  private JsonNode page(String id) {
    return gateway.anonymous(productPage, Map.of("id", id, "withVideos", false)).data().get("product");
  }
}
