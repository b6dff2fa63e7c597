package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Pricing;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The creator profile: promo's creator and videos, commerce's prices, and the buyer from both. */
@ExtendWith(FederationExtension.class)
class CreatorProfileTest {

  private static final String BUYER = "u25";

  private final Gateway gateway;
  private final Operation profile;
  private final Operation videoPage;

  CreatorProfileTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.profile = operations.get("creatorProfile.graphql");
    this.videoPage = operations.get("videoPage.graphql");
  }

  @Test
  void profileListsTheCreatorsVideosWithPrices() {
    JsonNode data = gateway.as(BUYER, profile, Map.of("id", "c1", "videos", 5)).data();
    JsonNode creator = data.get("creator");
    assertThat(creator.path("id").asString()).as("creator c1").isEqualTo("c1");
    assertThat(creator.path("handle").asString()).as("c1 handle").isNotBlank();
    assertThat(creator.path("followerCount").asInt()).as("c1 followerCount").isNotNegative();
    JsonNode videos = creator.path("videos");
    assertThat(videos.size()).as("c1 videos, first: 5").isBetween(1, 5);
    for (JsonNode video : videos) {
      String where = "c1 video " + video.path("id").asString();
      assertThat(video.at("/creator/id").asString()).as(where + " creator").isEqualTo("c1");
      for (JsonNode product : video.path("products")) {
        Pricing.assertPromoPriceFollowsCampaigns(product, where);
      }
    }
    String firstVideo = videos.get(0).path("id").asString();
    JsonNode page = gateway.anonymous(videoPage, Map.of("id", firstVideo)).data().get("video");
    assertThat(page.at("/creator/id").asString()).as("video page " + firstVideo + " creator").isEqualTo("c1");
  }

  @Test
  void buyerPartComesFromBothBackends() {
    JsonNode me = gateway.as(BUYER, profile, Map.of("id", "c1")).data().get("me");
    assertThat(me.path("id").asString()).as("me (commerce) as " + BUYER).isEqualTo(BUYER);
    assertThat(me.path("following").isArray()).as("me.following (promo) is a list: " + me).isTrue();
    for (JsonNode followed : me.path("following")) {
      assertThat(followed.path("handle").asString()).as(BUYER + " follows " + followed.path("id")).isNotBlank();
    }
    assertThat(me.has("creatorProfile")).as("me.creatorProfile (promo) is answered: " + me).isTrue();
  }

  @Test
  void anonymousViewerStillSeesTheProfile() {
    GraphQLResponse response = gateway.anonymous(profile, Map.of("id", "c1"));
    JsonNode data = response.dataWithout("me"); // the buyer's part needs a token, the profile does not
    assertThat(data.at("/creator/id").asString()).as("creator c1 for an anonymous viewer").isEqualTo("c1");
  }

  @Test
  void unknownCreatorIsNull() {
    GraphQLResponse response = gateway.anonymous(profile, Map.of("id", "c999999"));
    assertThat(response.dataWithout("me").get("creator").isNull()).as("creator(c999999); got " + response.describe())
        .isTrue();
  }
}
