package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.Carts;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Money;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The buying path as one story, since each step needs the one before: fill the cart, check out
 * (and retry), pay (and retry), then find the order in the history.
 */
@ExtendWith(FederationExtension.class)
class CheckoutFlowTest {

  private static final String BUYER = "u23";
  private static final String OTHER_BUYER = "u24";

  private final Gateway gateway;
  private final Operations operations;
  private final Operation checkout;
  private final Operation pay;
  private final Operation productPage;

  CheckoutFlowTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
    this.checkout = operations.get("checkout.graphql");
    this.pay = operations.get("pay.graphql");
    this.productPage = operations.get("productPage.graphql");
  }

  @Test
  void checkoutReservesStockOncePaymentPaysOnceAndHistoryShowsIt() {
    Carts carts = new Carts(gateway, operations, BUYER);
    List<JsonNode> products = Carts.inStock(gateway, operations, "SPORTS", 3, 2);
    String first = products.get(0).path("id").asString();
    String second = products.get(1).path("id").asString();
    carts.empty();
    carts.add(first, 2);
    JsonNode cart = carts.add(second, 1);
    int subtotal = cart.at("/subtotal/amount").asInt();
    Map<String, Integer> stockBefore = stock(first, second);

    // Checkout: an order of exactly the cart's lines, stock reserved, cart emptied.
    String checkoutKey = "checkout-" + UUID.randomUUID();
    JsonNode order = gateway.as(BUYER, checkout, Map.of("idempotencyKey", checkoutKey)).data().get("checkout");
    String orderId = order.path("id").asString();
    assertThat(orderId).as("order id").isNotBlank();
    assertThat(order.path("status").asString()).as("new order " + orderId + " status").isEqualTo("AWAITING_PAYMENT");
    assertThat(order.get("payment").isNull()).as("new order " + orderId + " payment").isTrue();
    int total = assertTotalIsSumOfLines(order);
    assertThat(total).as("order " + orderId + " total = cart subtotal").isEqualTo(subtotal);
    assertThat(lineQuantities(order)).as("order " + orderId + " lines = cart lines")
        .isEqualTo(Map.of(first, 2, second, 1));
    assertThat(stock(first, second)).as("stock after checkout of " + orderId + " (before: " + stockBefore + ")")
        .isEqualTo(Map.of(first, stockBefore.get(first) - 2, second, stockBefore.get(second) - 1));
    assertThat(carts.current().path("items").isEmpty()).as("cart after checkout").isTrue();

    // A retry with the same key (the app timed out) gets the same order and reserves nothing more.
    JsonNode replay = gateway.as(BUYER, checkout, Map.of("idempotencyKey", checkoutKey)).data().get("checkout");
    assertThat(replay.path("id").asString()).as("order id on checkout replay").isEqualTo(orderId);
    assertThat(replay.at("/total/amount").asInt()).as("total on checkout replay").isEqualTo(total);
    assertThat(replay.path("createdAt").asString()).as("createdAt on checkout replay")
        .isEqualTo(order.path("createdAt").asString());
    assertThat(stock(first, second)).as("stock after checkout replay")
        .isEqualTo(Map.of(first, stockBefore.get(first) - 2, second, stockBefore.get(second) - 1));

    // Pay once, retry with the same key: one payment for the order total.
    String payKey = "pay-" + UUID.randomUUID();
    Map<String, Object> payVariables = Map.of("orderId", orderId, "idempotencyKey", payKey, "method", "E_WALLET");
    JsonNode payment = gateway.as(BUYER, pay, payVariables).data().get("payOrder");
    String paymentId = payment.path("id").asString();
    assertThat(payment.path("status").asString()).as("payment of " + orderId).isEqualTo("SUCCEEDED");
    assertThat(payment.path("method").asString()).as("payment method").isEqualTo("E_WALLET");
    assertThat(Money.of(payment.get("amount"), "payment amount").amount()).as("payment amount = order total")
        .isEqualTo(total);
    JsonNode payReplay = gateway.as(BUYER, pay, payVariables).data().get("payOrder");
    assertThat(payReplay.path("id").asString()).as("payment id on pay replay").isEqualTo(paymentId);
    assertThat(payReplay.path("paidAt").asString()).as("paidAt on pay replay")
        .isEqualTo(payment.path("paidAt").asString());

    // The order detail and the history show it paid.
    JsonNode detail = gateway.as(BUYER, operations.get("orderHistory.graphql", "OrderDetail"), Map.of("id", orderId))
        .data().get("order");
    assertThat(detail.path("status").asString()).as("order " + orderId + " after payment").isEqualTo("PAID");
    assertThat(detail.at("/payment/id").asString()).as("order " + orderId + " payment").isEqualTo(paymentId);
    assertThat(assertTotalIsSumOfLines(detail)).as("order detail total").isEqualTo(total);

    JsonNode history = history(BUYER);
    JsonNode listed = Json.list(history).stream().filter(o -> orderId.equals(o.path("id").asString())).findFirst()
        .orElseThrow(() -> new AssertionError("order " + orderId + " missing from " + BUYER + "'s history: " + history));
    assertThat(listed.path("status").asString()).as("order " + orderId + " in history").isEqualTo("PAID");
    assertThat(listed.at("/total/amount").asInt()).as("order " + orderId + " total in history").isEqualTo(total);
    assertThat(Json.ids(Json.list(history(OTHER_BUYER)))).as(OTHER_BUYER + "'s history").doesNotContain(orderId);
  }

  private JsonNode history(String buyer) {
    JsonNode me = gateway.as(buyer, operations.get("orderHistory.graphql", "OrderHistory"), Map.of("first", 50))
        .data().get("me");
    assertThat(me.path("id").asString()).as("me as " + buyer).isEqualTo(buyer);
    return me.get("orders");
  }

  private Map<String, Integer> stock(String... ids) {
    Map<String, Integer> stock = new HashMap<>();
    for (String id : ids) {
      stock.put(id, gateway.anonymous(productPage, Map.of("id", id)).data().at("/product/stock").asInt());
    }
    return stock;
  }

  private static Map<String, Integer> lineQuantities(JsonNode order) {
    Map<String, Integer> quantities = new HashMap<>();
    for (JsonNode item : order.path("items")) {
      quantities.merge(item.at("/product/id").asString(), item.path("quantity").asInt(), Integer::sum);
    }
    return quantities;
  }

  /** lineTotal = quantity x unitPrice per line; total = sum of lineTotals. Returns the total. */
  private static int assertTotalIsSumOfLines(JsonNode order) {
    String where = "order " + order.path("id").asString();
    int sum = 0;
    for (JsonNode item : order.path("items")) {
      String line = where + " line " + item.at("/product/id").asString();
      int unit = Money.of(item.get("unitPrice"), line + " unitPrice").amount();
      int lineTotal = Money.of(item.get("lineTotal"), line + " lineTotal").amount();
      assertThat(lineTotal).as(line + " lineTotal = quantity x unitPrice").isEqualTo(item.path("quantity").asInt() * unit);
      sum += lineTotal;
    }
    int total = Money.of(order.get("total"), where + " total").amount();
    assertThat(total).as(where + " total = sum of lines").isEqualTo(sum);
    return total;
  }
}
