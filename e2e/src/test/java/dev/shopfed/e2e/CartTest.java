package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.Carts;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.SpecShape;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The cart: adding and removing as a signed-in buyer, with the totals kept right. */
@ExtendWith(FederationExtension.class)
class CartTest {

  private static final String BUYER = "u21";

  private final Gateway gateway;
  private final Operations operations;
  private final Carts carts;

  CartTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
    this.carts = new Carts(gateway, operations, BUYER);
  }

  @Test
  void addAndRemoveKeepTheCartTotalsRight() {
    List<JsonNode> products = Carts.inStock(gateway, operations, "HOME", 3, 2);
    String first = products.get(0).path("id").asString();
    String second = products.get(1).path("id").asString();
    carts.empty();

    JsonNode cart = carts.add(first, 2);
    assertThat(Carts.quantities(cart)).as("cart after adding 2 x " + first).isEqualTo(Map.of(first, 2));
    assertThat(cart.at("/subtotal/amount").asInt()).as("subtotal of 2 x " + first)
        .isEqualTo(2 * products.get(0).at("/price/amount").asInt());

    cart = carts.add(second, 1);
    assertThat(Carts.quantities(cart)).as("cart after adding " + second).isEqualTo(Map.of(first, 2, second, 1));

    cart = carts.remove(first);
    assertThat(Carts.quantities(cart)).as("cart after removing " + first).isEqualTo(Map.of(second, 1));
    assertThat(cart.at("/subtotal/amount").asInt()).as("subtotal after removing " + first)
        .isEqualTo(products.get(1).at("/price/amount").asInt());

    assertThat(Carts.quantities(carts.current())).as("cart read back as " + BUYER).isEqualTo(Map.of(second, 1));
    assertThat(Carts.quantities(new Carts(gateway, operations, "u22").current()))
        .as("another buyer's cart does not hold " + BUYER + "'s items").doesNotContainKey(second);
  }

  @Test
  void unknownProductIsAFieldErrorAndLeavesTheCartAlone() {
    carts.empty();
    GraphQLResponse response = gateway.as(BUYER, operations.get("cart.graphql", "AddToCart"),
        Map.of("productId", "p999999", "quantity", 1));
    SpecShape.assertFieldError(response, "addToCart");
    assertThat(response.body().get("data").isNull())
        .as("addToCart is non-null, so its error nulls data; got " + response.describe()).isTrue();
    assertThat(carts.current().path("items").isEmpty()).as("cart after a failed addToCart").isTrue();
  }

  @Test
  void anonymousBuyerCannotAddToCart() {
    GraphQLResponse response = gateway.anonymous(operations.get("cart.graphql", "AddToCart"),
        Map.of("productId", "p1", "quantity", 1));
    SpecShape.assertFieldError(response, "addToCart");
    GraphQLResponse me = gateway.anonymous(operations.get("cart.graphql", "Cart"), Map.of());
    assertThat(me.dataWithout("me").get("me").isNull()).as("me without a token; got " + me.describe()).isTrue();
  }
}
