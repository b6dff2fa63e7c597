package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Pricing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The home feed: promo's items, with commerce's prices and shops filled in by the gateway. */
@ExtendWith(FederationExtension.class)
class FeedScreenTest {

  private static final int PAGE = 20;
  private static final int MAX_PAGES = 10;

  private final Gateway gateway;
  private final Operation feed;

  FeedScreenTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.feed = operations.get("feed.graphql");
  }

  @Test
  void feedShowsVideosLiveStreamsAndSpotlightsWithBothBackendsPrices() {
    List<JsonNode> items = scroll();
    Set<String> kinds = new HashSet<>();
    int productsChecked = 0;
    boolean someCampaignApplied = false;
    for (JsonNode item : items) {
      String kind = item.path("__typename").asString();
      String where = "feed " + kind + " " + item.path("id").asString();
      kinds.add(kind);
      List<JsonNode> products = switch (kind) {
        case "Video" -> checkVideo(item, where);
        case "LiveStream" -> checkLiveStream(item, where);
        case "Product" -> checkSpotlight(item, where);
        default -> throw new AssertionError(where + ": not a FeedItem member: " + item);
      };
      for (JsonNode product : products) {
        someCampaignApplied |= Pricing.assertPromoPriceFollowsCampaigns(product, where);
        productsChecked++;
      }
    }
    assertThat(kinds).as("kinds of feed items over " + items.size() + " items")
        .containsExactlyInAnyOrder("Video", "LiveStream", "Product");
    assertThat(productsChecked).as("products shown in the feed").isPositive();
    assertThat(someCampaignApplied).as("some product in the feed is under an active campaign (has a promoPrice)")
        .isTrue();
  }

  @Test
  void liveNowRailHoldsOnlyLiveStreams() {
    JsonNode liveNow = gateway.anonymous(feed, Map.of("first", 1)).data().get("liveNow");
    for (JsonNode stream : liveNow) {
      assertThat(stream.path("status").asString()).as("liveNow stream " + stream.path("id")).isEqualTo("LIVE");
      checkLiveStream(stream, "liveNow " + stream.path("id").asString())
          .forEach(product -> Pricing.assertPromoPriceFollowsCampaigns(product, "liveNow"));
    }
  }

  @Test
  void nextPageContinuesWhereTheFirstEnded() {
    JsonNode first = gateway.anonymous(feed, Map.of("first", 5)).data().get("feed");
    assertThat(first.path("edges").size()).as("first feed page size").isEqualTo(5);
    assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).as("feed has more than 5 items").isTrue();
    String cursor = first.at("/pageInfo/endCursor").asString();
    assertThat(cursor).as("endCursor of the first page").isNotBlank();
    assertThat(first.at("/edges/4/cursor").asString()).as("endCursor is the last edge's cursor").isEqualTo(cursor);

    Map<String, Object> variables = new HashMap<>();
    variables.put("first", 5);
    variables.put("after", cursor);
    JsonNode second = gateway.anonymous(feed, variables).data().get("feed");
    assertThat(second.path("edges").size()).as("second feed page size").isPositive();
    assertThat(keys(Json.nodes(second))).as("second page repeats nothing from the first")
        .doesNotContainAnyElementsOf(keys(Json.nodes(first)));
  }

  private List<JsonNode> scroll() {
    List<JsonNode> items = new ArrayList<>();
    Object after = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("first", PAGE);
      variables.put("after", after);
      JsonNode connection = gateway.anonymous(feed, variables).data().get("feed");
      items.addAll(Json.nodes(connection));
      if (!connection.at("/pageInfo/hasNextPage").asBoolean()) {
        break;
      }
      after = connection.at("/pageInfo/endCursor").asString();
    }
    assertThat(items).as("feed items").isNotEmpty();
    return items;
  }

  private static List<JsonNode> checkVideo(JsonNode video, String where) {
    assertThat(video.path("title").asString()).as(where + ".title").isNotBlank();
    assertThat(video.at("/creator/handle").asString()).as(where + ".creator.handle").isNotBlank();
    assertThat(video.path("durationSeconds").asInt()).as(where + ".durationSeconds").isPositive();
    return Json.list(video.path("products"));
  }

  private static List<JsonNode> checkLiveStream(JsonNode stream, String where) {
    assertThat(stream.path("status").asString()).as(where + ".status").isIn("SCHEDULED", "LIVE", "ENDED");
    assertThat(stream.at("/host/handle").asString()).as(where + ".host.handle").isNotBlank();
    JsonNode shop = stream.get("shop");
    if (shop != null && !shop.isNull()) {
      // promo only knows the shop's id; its name and city come from commerce.
      assertThat(shop.path("name").asString()).as(where + ".shop.name (from commerce)").isNotBlank();
      assertThat(shop.path("city").asString()).as(where + ".shop.city (from commerce)").isNotBlank();
    }
    return Json.list(stream.path("products"));
  }

  private static List<JsonNode> checkSpotlight(JsonNode product, String where) {
    assertThat(product.path("name").asString()).as(where + ".name (from commerce)").isNotBlank();
    assertThat(product.at("/seller/name").asString()).as(where + ".shop.name (from commerce)").isNotBlank();
    return List.of(product);
  }

  private static List<String> keys(List<JsonNode> items) {
    return items.stream().map(item -> item.path("__typename").asString() + ":" + item.path("id").asString()).toList();
  }
}
