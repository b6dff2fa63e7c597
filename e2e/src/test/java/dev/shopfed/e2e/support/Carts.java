package dev.shopfed.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The cart operations of one buyer, and the arithmetic every cart must satisfy. */
public final class Carts {

  private final Gateway gateway;
  private final String userId;
  private final Operation cart;
  private final Operation add;
  private final Operation remove;

  public Carts(Gateway gateway, Operations operations, String userId) {
    this.gateway = gateway;
    this.userId = userId;
    this.cart = operations.get("cart.graphql", "Cart");
    this.add = operations.get("cart.graphql", "AddToCart");
    this.remove = operations.get("cart.graphql", "RemoveFromCart");
  }

  public JsonNode current() {
    JsonNode me = gateway.as(userId, cart, Map.of()).data().get("me");
    assertThat(me.path("id").asString()).as("me signed in as " + userId).isEqualTo(userId);
    return checked(me.get("cart"), "cart of " + userId);
  }

  public JsonNode add(String productId, int quantity) {
    JsonNode result = gateway.as(userId, add, Map.of("productId", productId, "quantity", quantity)).data()
        .get("addToCart");
    return checked(result, "addToCart(" + productId + ", " + quantity + ") as " + userId);
  }

  public JsonNode remove(String productId) {
    JsonNode result = gateway.as(userId, remove, Map.of("productId", productId)).data().get("removeFromCart");
    return checked(result, "removeFromCart(" + productId + ") as " + userId);
  }

  /** Removes whatever an earlier run or test left, so each test starts from an empty cart. */
  public JsonNode empty() {
    JsonNode cart = current();
    for (JsonNode item : cart.path("items")) {
      cart = remove(item.at("/product/id").asString());
    }
    assertThat(cart.path("items").isEmpty()).as("cart of " + userId + " after removing every item: " + cart).isTrue();
    return cart;
  }

  /** Quantity per product id. */
  public static Map<String, Integer> quantities(JsonNode cart) {
    Map<String, Integer> quantities = new HashMap<>();
    for (JsonNode item : cart.path("items")) {
      quantities.put(item.at("/product/id").asString(), item.path("quantity").asInt());
    }
    return quantities;
  }

  /**
   * lineTotal = quantity x commerce price; subtotal = sum of lines; discountTotal = sum of the lines' discounts;
   * total = subtotal - discountTotal; itemCount = units in the cart.
   */
  public static JsonNode checked(JsonNode cart, String where) {
    assertThat(cart).as(where + " returns a cart").isNotNull();
    int sum = 0;
    int discounts = 0;
    int units = 0;
    for (JsonNode item : cart.path("items")) {
      String line = where + " line " + item.at("/product/id").asString();
      int quantity = item.path("quantity").asInt();
      Money price = Money.of(item.at("/product/price"), line + " price");
      Money lineTotal = Money.of(item.get("lineTotal"), line + " lineTotal");
      assertThat(quantity).as(line + " quantity").isPositive();
      assertThat(lineTotal.amount()).as(line + " lineTotal = quantity x price").isEqualTo(quantity * price.amount());
      JsonNode promo = item.at("/product/promoPrice");
      if (!promo.isNull()) {
        assertThat(Money.of(promo, line + " promoPrice").amount()).as(line + " promoPrice < price")
            .isLessThan(price.amount());
      }
      sum += lineTotal.amount();
      units += quantity;
      if (item.path("discount").isObject()) {
        discounts += Money.of(item.get("discount"), line + " discount").amount();
      }
    }
    if (cart.has("total")) {
      int subtotal = Money.of(cart.get("subtotal"), where + " subtotal").amount();
      assertThat(Money.of(cart.get("discountTotal"), where + " discountTotal").amount())
          .as(where + " discountTotal = sum of the lines' discounts").isEqualTo(discounts);
      assertThat(Money.of(cart.get("total"), where + " total").amount())
          .as(where + " total = subtotal - discountTotal").isEqualTo(subtotal - discounts);
    }
    assertThat(Money.of(cart.get("subtotal"), where + " subtotal").amount()).as(where + " subtotal = sum of lines")
        .isEqualTo(sum);
    assertThat(cart.path("itemCount").asInt()).as(where + " itemCount = units in the cart").isEqualTo(units);
    return cart;
  }

  /** Some products that can be bought, with at least {@code minStock} units each, from search. */
  public static List<JsonNode> inStock(Gateway gateway, Operations operations, String category, int minStock,
      int count) {
    Operation search = operations.get("search.graphql");
    Operation productPage = operations.get("productPage.graphql");
    Map<String, Object> variables = new HashMap<>();
    variables.put("filter", Map.of("category", category, "inStockOnly", true));
    variables.put("first", 30);
    List<JsonNode> found = Json.nodes(gateway.anonymous(search, variables).data().get("products")).stream()
        .map(hit -> gateway.anonymous(productPage, Map.of("id", hit.path("id").asString())).data().get("product"))
        .filter(product -> product.path("stock").asInt() >= minStock)
        .limit(count)
        .toList();
    assertThat(found).as(count + " " + category + " products with stock >= " + minStock).hasSize(count);
    return found;
  }
}
