package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Paging;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The shop page: the shop and its products, page by page, each with the promo price. */
@ExtendWith(FederationExtension.class)
class ShopPageTest {

  private final Gateway gateway;
  private final Operation shopPage;
  private final Operation productPage;

  ShopPageTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.shopPage = operations.get("shopPage.graphql");
    this.productPage = operations.get("productPage.graphql");
  }

  @Test
  void shopListsExactlyItsOwnProducts() {
    String shopId = gateway.anonymous(productPage, Map.of("id", "p1")).data().at("/product/shop/id").asString();
    JsonNode shop = gateway.anonymous(shopPage, Map.of("id", shopId)).data().get("shop");
    assertThat(shop.path("id").asString()).as("shop page id").isEqualTo(shopId);
    assertThat(shop.path("name").asString()).as("shop " + shopId + " name").isNotBlank();
    assertThat(shop.path("rating").asDouble()).as("shop " + shopId + " rating").isBetween(0.0, 5.0);

    List<JsonNode> products = Paging.scrollAll(gateway, shopPage, Map.of("id", shopId), 3,
        data -> data.at("/shop/products"));
    assertThat(products).as("products of shop " + shopId + " (it sells p1)").isNotEmpty()
        .anySatisfy(product -> assertThat(product.path("id").asString()).isEqualTo("p1"));
    for (JsonNode product : products) {
      assertThat(product.at("/shop/id").asString()).as("shop " + shopId + " lists " + product.path("id"))
          .isEqualTo(shopId);
      JsonNode promo = product.get("promoPrice");
      if (!promo.isNull()) {
        assertThat(promo.path("amount").asInt()).as("promoPrice < price for " + product.path("id"))
            .isLessThan(product.at("/price/amount").asInt());
      }
    }
  }

  @Test
  void unknownShopIsNull() {
    GraphQLResponse response = gateway.anonymous(shopPage, Map.of("id", "s999999"));
    assertThat(response.data().get("shop").isNull()).as("shop(s999999); got " + response.describe()).isTrue();
  }
}
