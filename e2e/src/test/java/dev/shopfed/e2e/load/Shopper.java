package dev.shopfed.e2e.load;

import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * One signed-in buyer using the app until the window closes: product pages, the feed, search, adding to the cart,
 * and now and then checking out and paying. It retries as the app does (the same idempotency key after an answer
 * without an order), and on purpose also replays keys that did succeed, and taps twice at once.
 */
public final class Shopper implements Runnable {

  private static final List<String> CATEGORIES = List.of("FASHION", "ELECTRONICS", "HOME", "BEAUTY", "FOOD",
      "SPORTS", "TOYS");

  private final String buyer;
  private final Gateway gateway;
  private final Tally tally;
  private final ProductChoice products;
  private final Instant until;
  private final Random random;
  private final Operation productPage;
  private final Operation feed;
  private final Operation search;
  private final Operation cart;
  private final Operation addToCart;
  private final Operation removeFromCart;
  private final Operation checkout;
  private final Operation pay;
  /** The second finger of a double tap: its own thread, so taps never queue behind other shoppers' work. */
  private final ExecutorService secondTap = Executors.newSingleThreadExecutor();
  private int checkouts;

  public Shopper(String buyer, Gateway gateway, Operations operations, Tally tally, ProductChoice products,
      Instant until, long seed) {
    this.buyer = buyer;
    this.gateway = gateway;
    this.tally = tally;
    this.products = products;
    this.until = until;
    this.random = new Random(seed);
    this.productPage = operations.get("productPage.graphql");
    this.feed = operations.get("feed.graphql");
    this.search = operations.get("search.graphql");
    this.cart = operations.get("cart.graphql", "Cart");
    this.addToCart = operations.get("cart.graphql", "AddToCart");
    this.removeFromCart = operations.get("cart.graphql", "RemoveFromCart");
    this.checkout = operations.get("checkout.graphql");
    this.pay = operations.get("pay.graphql");
  }

  @Override
  public void run() {
    try {
      shopUntilTheWindowCloses();
    } finally {
      secondTap.shutdownNow();
    }
  }

  private void shopUntilTheWindowCloses() {
    while (Instant.now().isBefore(until)) {
      int roll = random.nextInt(100);
      if (roll < 25) {
        send(productPage, Map.of("id", products.any(random)));
      } else if (roll < 40) {
        send(feed, Map.of("first", 10));
      } else if (roll < 55) {
        send(search, Map.of("filter", Map.of("category", CATEGORIES.get(random.nextInt(CATEGORIES.size()))),
            "first", 20));
      } else if (roll < 82) {
        send(addToCart, Map.of("productId", products.toBuy(random), "quantity", 1 + random.nextInt(2)));
      } else {
        checkOutAndPay();
      }
    }
  }

  private void checkOutAndPay() {
    String key = "load-" + buyer + "-" + (++checkouts);
    String orderId = random.nextInt(5) == 0 ? doubleTap(key) : checkOut(key);
    if (orderId == null || random.nextInt(3) == 0) {
      // the app retries after an answer without an order; and a replay of a success must find the same order
      String again = checkOut(key);
      orderId = orderId != null ? orderId : again;
    }
    if (orderId == null) {
      emptyCart(); // e.g. sold out meanwhile: start over with other products
      return;
    }
    String payKey = "pay-" + key;
    payOnce(orderId, payKey);
    if (random.nextInt(3) == 0) {
      payOnce(orderId, payKey);
    }
    if (random.nextInt(10) == 0) {
      payOnce(orderId, payKey + "-second-attempt"); // a second payment of a paid order must not be taken
    }
  }

  /** Two checkouts with the same key at once, as a double tap sends them. */
  private String doubleTap(String key) {
    CompletableFuture<String> other = CompletableFuture.supplyAsync(() -> checkOut(key), secondTap);
    String mine = checkOut(key);
    String theirs = other.join();
    return mine != null ? mine : theirs;
  }

  private String checkOut(String key) {
    JsonNode id = send(checkout, Map.of("idempotencyKey", key)).path("checkout").path("id");
    if (!id.isString()) {
      return null;
    }
    tally.orderAcknowledged(new Tally.AckedOrder(buyer, key, id.asString()));
    return id.asString();
  }

  private void payOnce(String orderId, String key) {
    Map<String, Object> variables = Map.of("orderId", orderId, "idempotencyKey", key, "method", "E_WALLET");
    JsonNode id = send(pay, variables).path("payOrder").path("id");
    if (id.isString()) {
      tally.paymentAcknowledged(new Tally.AckedPayment(orderId, key, id.asString()));
    }
  }

  private void emptyCart() {
    for (JsonNode item : send(cart, Map.of()).path("me").path("cart").path("items")) {
      send(removeFromCart, Map.of("productId", item.path("product").path("id").asString()));
    }
  }

  /** Sends one operation as this buyer and files the outcome; answers its data, or a missing node. */
  private JsonNode send(Operation operation, Map<String, Object> variables) {
    Instant start = Instant.now();
    GraphQLResponse response;
    try {
      response = gateway.as(buyer, operation, new HashMap<>(variables));
    } catch (AssertionError noAnswer) {
      tally.unanswered(Duration.between(start, Instant.now()), noAnswer.getMessage());
      return MissingNode.getInstance();
    }
    Duration took = Duration.between(start, Instant.now());
    JsonNode body = response.body();
    if (body == null || !body.isObject() || !(body.has("data") || body.has("errors"))) {
      tally.bare(took, operation.label() + " as " + buyer + ": " + response.describe());
      return MissingNode.getInstance();
    }
    tally.served(took, body.path("errors"));
    return body.path("data");
  }
}
