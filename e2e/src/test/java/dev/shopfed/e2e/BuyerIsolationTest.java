package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The property of the identity work, over all 50 seeded buyers: no request made with one buyer's token ever returns
 * another buyer's cart, orders, payments or addresses. Each buyer's own data is read first with their own token
 * (the app's Cart and OrderHistory operations, and the addresses under {@code me}); then every buyer asks, with
 * their token, for the other buyers' orders by id and tries to pay them, and no answer may hold a single id,
 * address or payment owned by someone else.
 */
@ExtendWith(FederationExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuyerIsolationTest {

  private static final int BUYERS = DevIdentityIssuer.BUYERS;
  /** Not an operation of the app (no screen shows addresses yet), so the only document written here. */
  private static final Operation ADDRESSES = new Operation("(addresses under me)",
      "query Addresses { me { id addresses { label recipient street city postalCode } } }", "Addresses");

  private Gateway gateway;
  private Operation cart;
  private Operation orderHistory;
  private Operation orderDetail;
  private Operation payOrder;
  /** Everything each buyer owns, as they see it with their own token: ids, street lines, payment ids. */
  private final Map<String, Owned> owned = new TreeMap<>();

  private record Owned(Set<String> values, List<String> orders, List<String> unpaidOrders) {}

  @BeforeAll
  void readEachBuyersOwnData(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    cart = operations.get("cart.graphql", "Cart");
    orderHistory = operations.get("orderHistory.graphql", "OrderHistory");
    orderDetail = operations.get("orderHistory.graphql", "OrderDetail");
    payOrder = operations.get("pay.graphql");
    for (String buyer : buyers()) {
      owned.put(buyer, ownData(buyer));
    }
  }

  @Test
  void everyBuyerSeesThemselvesAndNothingIsOwnedTwice() {
    Map<String, String> ownerOf = new LinkedHashMap<>();
    for (Map.Entry<String, Owned> entry : owned.entrySet()) {
      for (String value : entry.getValue().values()) {
        String earlier = ownerOf.putIfAbsent(value, entry.getKey());
        assertThat(earlier).as("\"" + value + "\" came back for " + entry.getKey() + " and for " + earlier)
            .isNull();
      }
    }
    long withOrders = owned.values().stream().filter(o -> !o.orders().isEmpty()).count();
    long withUnpaid = owned.values().stream().filter(o -> !o.unpaidOrders().isEmpty()).count();
    assertThat(withOrders).as("buyers with seeded orders (else the cross checks test nothing)").isGreaterThan(5);
    assertThat(withUnpaid).as("buyers with an unpaid order").isGreaterThan(1);
  }

  @Test
  void noBuyerReadsAnotherBuyersOrderById() {
    for (String buyer : buyers()) {
      for (String other : buyers()) {
        if (other.equals(buyer)) {
          continue;
        }
        for (String order : owned.get(other).orders()) {
          GraphQLResponse response = gateway.as(buyer, orderDetail, Map.of("id", order));
          assertThat(response.status()).as(response.describe()).isEqualTo(200);
          assertThat(response.data().get("order").isNull())
              .as(buyer + " asked for " + other + "'s order " + order + ": " + response.describe()).isTrue();
          assertNothingOfOthers(buyer, response);
        }
      }
    }
  }

  @Test
  void noBuyerPaysAnotherBuyersOrder() {
    for (String buyer : buyers()) {
      for (String other : buyers()) {
        if (other.equals(buyer)) {
          continue;
        }
        for (String order : owned.get(other).unpaidOrders()) {
          GraphQLResponse response = gateway.as(buyer, payOrder,
              Map.of("orderId", order, "idempotencyKey", "isolation-" + buyer + "-" + order));
          assertThat(response.hasErrors()).as(buyer + " paying " + other + "'s " + order + ": " + response.describe())
              .isTrue();
          assertThat(response.body().path("data").path("payOrder").isMissingNode()
              || response.body().path("data").path("payOrder").isNull())
              .as("no payment for " + buyer + " on " + other + "'s order: " + response.describe()).isTrue();
          assertNothingOfOthers(buyer, response);
        }
      }
    }
    // Nothing was paid: each owner still sees exactly their unpaid orders.
    for (String buyer : buyers()) {
      assertThat(ownData(buyer).unpaidOrders()).as("unpaid orders of " + buyer + " after the others tried")
          .isEqualTo(owned.get(buyer).unpaidOrders());
    }
  }

  @Test
  void theOwnScreensOfEachBuyerHoldNothingOfAnotherBuyer() {
    for (String buyer : buyers()) {
      for (Operation own : List.of(cart, orderHistory, ADDRESSES)) {
        assertNothingOfOthers(buyer, gateway.as(buyer, own, Map.of()));
      }
    }
  }

  private Owned ownData(String buyer) {
    Set<String> values = new HashSet<>();
    JsonNode me = signedIn(buyer, cart, Map.of());
    String cartId = me.path("cart").path("id").asString();
    assertThat(cartId).as("cart id of " + buyer).isEqualTo("cart-" + buyer);
    values.add(cartId);

    List<String> orders = new ArrayList<>();
    List<String> unpaid = new ArrayList<>();
    for (JsonNode order : signedIn(buyer, orderHistory, Map.of("first", 100)).path("orders")) {
      String id = order.path("id").asString();
      orders.add(id);
      values.add(id);
      if (order.path("status").asString().equals("AWAITING_PAYMENT")) {
        unpaid.add(id);
      }
      if (order.path("payment").isObject()) {
        values.add(order.path("payment").path("id").asString());
      }
    }
    for (JsonNode address : signedIn(buyer, ADDRESSES, Map.of()).path("addresses")) {
      values.add(address(address));
    }
    return new Owned(values, orders, unpaid);
  }

  /** {@code me} of the operation run with the buyer's token: it must be that buyer, answered without errors. */
  private JsonNode signedIn(String buyer, Operation operation, Map<String, Object> variables) {
    GraphQLResponse response = gateway.as(buyer, operation, variables);
    assertThat(response.hasErrors()).as(operation.label() + " as " + buyer + ": " + response.describe()).isFalse();
    JsonNode me = response.data().path("me");
    assertThat(me.path("id").asString()).as("me of " + buyer + "'s token: " + response.describe()).isEqualTo(buyer);
    return me;
  }

  /** No string anywhere in the answer (data or errors) is an id, payment or address another buyer owns. */
  private void assertNothingOfOthers(String buyer, GraphQLResponse response) {
    assertThat(response.body()).as(response.describe()).isNotNull();
    Set<String> seen = new HashSet<>();
    collectStrings(response.body(), seen);
    for (Map.Entry<String, Owned> entry : owned.entrySet()) {
      if (entry.getKey().equals(buyer)) {
        continue;
      }
      Set<String> leaked = new HashSet<>(entry.getValue().values());
      leaked.retainAll(seen);
      assertThat(leaked).as(response.label() + " with " + buyer + "'s token returned " + entry.getKey() + "'s data: "
          + response.describe()).isEmpty();
    }
  }

  private static void collectStrings(JsonNode node, Set<String> into) {
    if (node.isString()) {
      into.add(node.asString());
    }
    node.forEach(child -> collectStrings(child, into));
    if (node.isObject() && node.has("street")) {
      into.add(address(node));
    }
  }

  /** A whole address: two buyers may live on the same street (the seed has one such pair), not as one person. */
  private static String address(JsonNode address) {
    return address.path("recipient").asString() + ", " + address.path("street").asString() + ", "
        + address.path("postalCode").asString() + " " + address.path("city").asString();
  }

  private static List<String> buyers() {
    List<String> buyers = new ArrayList<>();
    for (int n = 1; n <= BUYERS; n++) {
      buyers.add("u" + n);
    }
    return buyers;
  }
}
