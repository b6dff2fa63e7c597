package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Tokens;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A promotion outage leaves the shopping screens usable: a second gateway, on the same commerce, sends promo's
 * requests to a port nobody listens on. The product page keeps commerce's data (name, price, stock, shop) with errors
 * at promo's fields, the feed answers {@code data} with its promo roots null, and cart, checkout and payment work.
 * The gateway runs with the launcher's default labels (stock-to-commerce on, shop-details-to-commerce off), so promo
 * still answers the shop's city and rating: they are nullable and go null with an error, the shop and the product stay.
 * A second gateway with no label on has promo answer the stock too, which then goes null the same way.
 */
@ExtendWith(FederationExtension.class)
class PromotionOutageTest {

  private static final String BUYER = "u46";

  /** With the launcher's default labels. */
  private static ServiceProcess gatewayProcess;
  private static Gateway gateway;
  /** With no label on: promo also answers the stock. */
  private static ServiceProcess promoStockGatewayProcess;
  private static Gateway promoStockGateway;

  private final Operation productPage;
  private final Operation feed;
  private final Operation addToCart;
  private final Operation checkout;
  private final Operation pay;

  PromotionOutageTest(Operations operations) {
    this.productPage = operations.get("productPage.graphql");
    this.feed = operations.get("feed.graphql");
    this.addToCart = operations.get("cart.graphql", "AddToCart");
    this.checkout = operations.get("checkout.graphql");
    this.pay = operations.get("pay.graphql");
  }

  @BeforeAll
  static void gatewaysWhosePromoIsDown(LocalFederation federation) {
    ServiceSpec defaults = promoDownGateway(federation, "gateway-promo-down", FederationSettings.DEFAULT_OVERRIDE_LABELS);
    ServiceSpec noLabels = promoDownGateway(federation, "gateway-promo-down-no-labels", List.of());
    Path dir = federation.settings().layout().root().resolve("e2e/target/promotion-outage");
    gatewayProcess = ServiceProcess.launch(defaults, dir);
    promoStockGatewayProcess = ServiceProcess.launch(noLabels, dir);
    gatewayProcess.awaitHealthy(federation.settings().startupTimeout());
    promoStockGatewayProcess.awaitHealthy(federation.settings().startupTimeout());
    Tokens tokens = new Tokens(federation.issuer().tokenUrl());
    gateway = new Gateway(defaults.baseUrl(), defaults.baseUrl().resolve("/graphql"), tokens);
    promoStockGateway = new Gateway(noLabels.baseUrl(), noLabels.baseUrl().resolve("/graphql"), tokens);
  }

  /** A gateway on the shared commerce that sends promo's requests to a port nobody listens on. */
  private static ServiceSpec promoDownGateway(LocalFederation federation, String name, List<String> labels) {
    FederationSettings running = federation.settings();
    FederationSettings settings = new FederationSettings(running.layout(), 0, 0, 0, running.supergraph(),
        running.logDir(), running.startupTimeout(), running.jvmArgs(), List.of(), List.of(), labels);
    URI deadPromo = URI.create("http://127.0.0.1:" + FreePorts.pick() + "/graphql");
    ServiceSpec launched = LocalFederation.gateway(settings, FreePorts.pick(), federation.gatewayIdentityArguments(),
        federation.commerceUrl(), deadPromo);
    // Its own log name and a labels file of its own: the shared federation's gateway keeps its own.
    List<String> args = new ArrayList<>(launched.args());
    args.removeIf(arg -> arg.startsWith("--gateway.migration."));
    return new ServiceSpec(name, launched.jar(), launched.port(), launched.healthPath(), args, launched.jvmArgs());
  }

  @AfterAll
  static void stop() {
    if (gatewayProcess != null) {
      gatewayProcess.close();
    }
    if (promoStockGatewayProcess != null) {
      promoStockGatewayProcess.close();
    }
  }

  @Test
  void theProductPageKeepsCommercesDataWithErrorsAtPromosFields() {
    GraphQLResponse response = gateway.anonymous(productPage, Map.of("id", "p16"));

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    JsonNode product = response.body().at("/data/product");
    assertThat(product.path("name").asString()).as(response.describe()).isNotBlank();
    assertThat(product.at("/price/amount").asInt()).isPositive();
    assertThat(product.path("stock").isInt()).isTrue();
    assertThat(product.path("inStock").isBoolean()).isTrue();
    assertThat(product.at("/shop/id").asString()).isNotBlank();
    assertThat(product.at("/shop/name").asString()).isNotBlank();
    // Promo serves the shop's details while shop-details-to-commerce is off: null, with promo's error below.
    for (String promoShopField : List.of("city", "rating")) {
      assertThat(product.path("shop").get(promoShopField).isNull()).as(promoShopField + " in " + response.describe())
          .isTrue();
    }
    for (String promoField : List.of("promoPrice", "priceQuote", "activeCampaigns", "videos", "affiliateLinks")) {
      assertThat(product.get(promoField).isNull()).as(promoField + " in " + response.describe()).isTrue();
    }
    // Every error is promo's; one with a path (the gateway may report a failed fetch without one) is at the product.
    assertThat(response.errors().size()).as(response.describe()).isPositive();
    for (JsonNode error : response.errors()) {
      assertThat(error.path("message").asString()).as(error.toString()).isNotBlank();
      assertThat(error.at("/extensions/code").asString()).as("code of " + error).isNotBlank();
      assertThat(error.at("/extensions/serviceName").asString()).as("service of " + error).isEqualTo("promo");
      if (error.has("path")) {
        assertThat(error.at("/path/0").asString()).as("path of " + error).isEqualTo("product");
      }
    }
  }

  @Test
  void theFeedAnswersDataWithItsPromoRootsNull() {
    GraphQLResponse response = gateway.anonymous(feed, Map.of());

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    assertThat(response.body().path("data").isObject()).as(response.describe()).isTrue();
    assertThat(response.body().at("/data/feed").isNull()).isTrue();
    assertThat(response.body().at("/data/liveNow").isNull()).isTrue();
    assertThat(response.errors().size()).as(response.describe()).isPositive();
  }

  @Test
  void withStockStillServedByPromoTheProductStaysWithItsStockNull() {
    GraphQLResponse response = promoStockGateway.anonymous(productPage, Map.of("id", "p16"));

    assertThat(response.status()).as(response.describe()).isEqualTo(200);
    JsonNode product = response.body().at("/data/product");
    assertThat(product.path("name").asString()).as(response.describe()).isNotBlank();
    assertThat(product.at("/price/amount").asInt()).isPositive();
    assertThat(product.at("/shop/name").asString()).isNotBlank();
    for (String promoField : List.of("stock", "inStock", "promoPrice", "activeCampaigns")) {
      assertThat(product.get(promoField).isNull()).as(promoField + " in " + response.describe()).isTrue();
    }
    assertThat(product.at("/shop/city").isNull()).as(response.describe()).isTrue();
    assertThat(response.errors().size()).as(response.describe()).isPositive();
    for (JsonNode error : response.errors()) {
      assertThat(error.at("/extensions/serviceName").asString()).as("service of " + error).isEqualTo("promo");
    }
  }

  @Test
  void cartCheckoutAndPaymentWork() {
    GraphQLResponse added = gateway.as(BUYER, addToCart, Map.of("productId", "p26", "quantity", 1));
    assertThat(added.status()).as(added.describe()).isEqualTo(200);
    JsonNode cart = added.body().at("/data/addToCart");
    assertThat(cart.path("itemCount").asInt()).as(added.describe()).isEqualTo(1);
    int price = cart.at("/items/0/product/price/amount").asInt();
    assertThat(cart.at("/total/amount").asInt()).as("cart total without promo").isEqualTo(price);

    JsonNode order = gateway.as(BUYER, checkout, Map.of("idempotencyKey", "outage-" + UUID.randomUUID())).data()
        .get("checkout");
    assertThat(order.at("/total/amount").asInt()).isEqualTo(price);
    JsonNode payment = gateway.as(BUYER, pay, Map.of("orderId", order.path("id").asString(),
        "idempotencyKey", "outage-pay-" + UUID.randomUUID())).data().get("payOrder");
    assertThat(payment.path("status").asString()).isEqualTo("SUCCEEDED");
    assertThat(payment.at("/amount/amount").asInt()).isEqualTo(price);
  }
}
