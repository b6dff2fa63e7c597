package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Money;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Pricing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Tapping a video in the feed opens the video page: same video, same tagged products and prices. */
@ExtendWith(FederationExtension.class)
class VideoPageTest {

  private final Gateway gateway;
  private final Operation feed;
  private final Operation videoPage;

  VideoPageTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.feed = operations.get("feed.graphql");
    this.videoPage = operations.get("videoPage.graphql");
  }

  @Test
  void videoPageMatchesItsFeedCard() {
    JsonNode card = firstVideoWithProducts();
    String id = card.path("id").asString();
    JsonNode video = gateway.anonymous(videoPage, Map.of("id", id)).data().get("video");

    assertThat(video.path("id").asString()).as("video page id").isEqualTo(id);
    assertThat(video.path("title").asString()).as("video " + id + " title on page vs card")
        .isEqualTo(card.path("title").asString());
    assertThat(video.at("/creator/id").asString()).as("video " + id + " creator").isEqualTo(card.at("/creator/id")
        .asString());
    List<JsonNode> tagged = Json.list(video.path("products"));
    List<JsonNode> cardProducts = Json.list(card.path("products"));
    assertThat(Json.ids(tagged)).as("video " + id + " tagged products on page vs card")
        .isEqualTo(Json.ids(cardProducts));

    for (int i = 0; i < tagged.size(); i++) {
      JsonNode product = tagged.get(i);
      String where = "video page " + id + " product " + product.path("id").asString();
      Pricing.assertPromoPriceFollowsCampaigns(product, "video page " + id);
      assertThat(Money.of(product.get("price"), where).amount()).as(where + " price on page vs card")
          .isEqualTo(cardProducts.get(i).at("/price/amount").asInt());
      assertThat(product.path("stock").asInt()).as(where + ".stock").isNotNegative();
      assertThat(product.path("inStock").asBoolean()).as(where + ".inStock agrees with stock " + product.get("stock"))
          .isEqualTo(product.path("stock").asInt() > 0);
      assertThat(product.at("/shop/name").asString()).as(where + ".shop.name").isNotBlank();
      assertThat(product.at("/shop/rating").asDouble()).as(where + ".shop.rating").isBetween(0.0, 5.0);
    }
  }

  @Test
  void moreFromTheCreatorAreTheCreatorsVideos() {
    String id = firstVideoWithProducts().path("id").asString();
    JsonNode creator = gateway.anonymous(videoPage, Map.of("id", id, "moreFromCreator", 3)).data()
        .at("/video/creator");
    assertThat(creator.path("videos").size()).as("more from creator, first: 3").isBetween(1, 3);
    assertThat(creator.path("followerCount").asInt()).as("creator followerCount").isNotNegative();
  }

  @Test
  void unknownVideoIsNull() {
    GraphQLResponse response = gateway.anonymous(videoPage, Map.of("id", "v999999"));
    assertThat(response.data().get("video").isNull()).as("video(v999999); got " + response.describe()).isTrue();
  }

  private JsonNode firstVideoWithProducts() {
    JsonNode edges = gateway.anonymous(feed, Map.of("first", 20)).data().at("/feed/edges");
    for (JsonNode edge : edges) {
      JsonNode node = edge.get("node");
      if ("Video".equals(node.path("__typename").asString()) && !node.path("products").isEmpty()) {
        return node;
      }
    }
    throw new AssertionError("no video with tagged products among the first 20 feed items: " + edges);
  }
}
