package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Pricing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The product page: commerce's product and stock with promo's campaigns, videos and affiliate links. */
@ExtendWith(FederationExtension.class)
class ProductPageTest {

  private static final List<String> CATEGORIES =
      List.of("FASHION", "BEAUTY", "ELECTRONICS", "HOME", "FOOD", "SPORTS", "TOYS");

  private final Gateway gateway;
  private final Operation productPage;
  private final Operation feed;

  ProductPageTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.productPage = operations.get("productPage.graphql");
    this.feed = operations.get("feed.graphql");
  }

  @Test
  void productPageJoinsCommerceAndPromo() {
    JsonNode product = open("p1");
    String where = "product page p1";
    assertThat(product.path("id").asString()).as(where + ".id").isEqualTo("p1");
    assertThat(product.path("name").asString()).as(where + ".name").isNotBlank();
    assertThat(product.path("description").asString()).as(where + ".description").isNotBlank();
    assertThat(product.path("category").asString()).as(where + ".category (LEGACY is hidden)").isIn(CATEGORIES);
    assertThat(product.path("inStock").asBoolean()).as(where + ".inStock agrees with stock " + product.get("stock"))
        .isEqualTo(product.path("stock").asInt() > 0);
    assertThat(product.at("/shop/id").asString()).as(where + ".shop.id").matches("s\\d+");
    Pricing.assertPromoPriceFollowsCampaigns(product, where);
    checkPromoSide(product, where);
  }

  @Test
  void discountedProductInTheFeedShowsTheSamePromoPriceOnItsPage() {
    JsonNode card = discountedFeedProduct();
    String id = card.path("id").asString();
    JsonNode product = open(id);
    String where = "product page " + id;
    assertThat(product.at("/price/amount").asInt()).as(where + " price vs feed card")
        .isEqualTo(card.at("/price/amount").asInt());
    assertThat(product.at("/promoPrice/amount").asInt()).as(where + " promoPrice vs feed card")
        .isEqualTo(card.at("/promoPrice/amount").asInt());
    assertThat(Json.ids(Json.list(product.path("activeCampaigns")))).as(where + " campaigns vs feed card")
        .containsExactlyInAnyOrderElementsOf(Json.ids(Json.list(card.path("activeCampaigns"))));
    assertThat(Pricing.assertPromoPriceFollowsCampaigns(product, where)).as(where + " has a campaign").isTrue();
    checkPromoSide(product, where);
  }

  @Test
  void skippedSectionIsLeftOut() {
    JsonNode product = gateway.anonymous(productPage, Map.of("id", "p2", "withVideos", false)).data().get("product");
    assertThat(product.has("videos")).as("@include(if: false) leaves videos out: " + product).isFalse();
    assertThat(product.path("id").asString()).isEqualTo("p2");
  }

  @Test
  void unknownProductIsNullWithoutErrors() {
    GraphQLResponse response = gateway.anonymous(productPage, Map.of("id", "p999999"));
    assertThat(response.data().get("product").isNull()).as("product(p999999); got " + response.describe()).isTrue();
  }

  private JsonNode open(String id) {
    return gateway.anonymous(productPage, Map.of("id", id)).data().get("product");
  }

  private void checkPromoSide(JsonNode product, String where) {
    String id = product.path("id").asString();
    for (JsonNode campaign : product.path("activeCampaigns")) {
      assertThat(campaign.path("active").asBoolean()).as(where + " active campaign " + campaign.path("id")).isTrue();
      assertThat(campaign.path("discountPercent").asInt()).as(where + " campaign discount").isBetween(1, 99);
    }
    for (JsonNode video : product.path("videos")) {
      assertThat(Json.ids(Json.list(video.path("products"))))
          .as(where + ": video " + video.path("id").asString() + " listed under the product tags it").contains(id);
    }
    for (JsonNode link : product.path("affiliateLinks")) {
      assertThat(link.at("/product/id").asString()).as(where + " affiliate link " + link.path("code")).isEqualTo(id);
      assertThat(link.path("url").asString()).as(where + " affiliate link url").startsWith("http");
      assertThat(link.at("/creator/handle").asString()).as(where + " affiliate link creator").isNotBlank();
    }
  }

  private JsonNode discountedFeedProduct() {
    JsonNode edges = gateway.anonymous(feed, Map.of("first", 50)).data().at("/feed/edges");
    for (JsonNode edge : edges) {
      JsonNode node = edge.get("node");
      List<JsonNode> candidates = "Product".equals(node.path("__typename").asString())
          ? List.of(node) : Json.list(node.path("products"));
      for (JsonNode product : candidates) {
        if (!product.path("activeCampaigns").isEmpty()) {
          return product;
        }
      }
    }
    throw new AssertionError("no product under an active campaign among the first 50 feed items");
  }
}
