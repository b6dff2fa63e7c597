package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Personalised promotions through the real subgraphs: a buyer's purchase history (commerce) reaches the promotion
 * backend only after the buyer granted the purpose, each crossing is in their log, and a revocation holds from the
 * very next request. Buyers u3 and u18 are the seeded ones whose histories differ (see the subgraphs' seed data).
 */
@ExtendWith(FederationExtension.class)
class ConsentTest {

  private static final String PURPOSE = "personalised-promotions";
  private static final Operation FOR_YOU = new Operation("(recommended campaigns)",
      "query ForYou { me { id recommendedCampaigns { id name } } campaigns { id } }", "ForYou");
  private static final Operation GRANT = new Operation("(grant)",
      "mutation Grant($purpose: String!) { grantConsent(purpose: $purpose) { purpose grantedAt } }", "Grant");
  private static final Operation REVOKE = new Operation("(revoke)",
      "mutation Revoke($purpose: String!) { revokeConsent(purpose: $purpose) { purpose } }", "Revoke");
  private static final Operation CROSSINGS = new Operation("(crossings)",
      "query Crossings { myDataCrossings(first: 500) { fields categories fromSubgraph toSubgraph purpose requestId } }",
      "Crossings");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private Gateway gateway;

  @BeforeEach
  void withoutConsent(Gateway gateway) {
    this.gateway = gateway;
    for (String buyer : List.of("u3", "u18")) {
      assertThat(gateway.as(buyer, REVOKE, Map.of("purpose", PURPOSE)).hasErrors()).isFalse();
    }
  }

  @Test
  void withoutConsentTheRecommendationsAreNullWithTheirCodeAndTheGenericOffersStay() {
    GraphQLResponse answer = gateway.as("u3", FOR_YOU, Map.of());

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().path("data").path("me").path("id").asString()).isEqualTo("u3");
    assertThat(answer.body().path("data").path("me").path("recommendedCampaigns").isNull()).isTrue();
    assertThat(answer.body().path("data").path("campaigns").size()).isPositive();
    JsonNode error = answer.errors().path(0);
    assertThat(error.path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(error.path("path").toString()).isEqualTo("[\"me\",\"recommendedCampaigns\"]");
    assertThat(error.path("message").asString()).contains(PURPOSE);
  }

  @Test
  void withConsentEachBuyerGetsOffersForWhatTheyBoughtAndTheCrossingIsOnRecord() {
    int before = crossings("u3").size();
    gateway.as("u3", GRANT, Map.of("purpose", PURPOSE));
    gateway.as("u18", GRANT, Map.of("purpose", PURPOSE));

    assertThat(campaignIds("u3")).containsExactly("cmp3", "cmp7");
    assertThat(campaignIds("u18")).containsExactly("cmp9", "cmp6");

    List<JsonNode> logged = crossings("u3");
    assertThat(logged).hasSize(before + 1);
    JsonNode newest = logged.get(0);
    assertThat(Json.strings(newest.path("fields")))
        .containsExactly("User.purchaseHistory.categories", "User.purchaseHistory.shopIds");
    assertThat(Json.strings(newest.path("categories"))).containsExactly("purchase-history");
    assertThat(newest.path("fromSubgraph").asString()).isEqualTo("commerce");
    assertThat(newest.path("toSubgraph").asString()).isEqualTo("promo");
    assertThat(newest.path("purpose").asString()).isEqualTo(PURPOSE);
  }

  @Test
  void aRevocationHoldsFromTheVeryNextRequest() {
    gateway.as("u3", GRANT, Map.of("purpose", PURPOSE));
    assertThat(campaignIds("u3")).isNotEmpty();
    int logged = crossings("u3").size();

    gateway.as("u3", REVOKE, Map.of("purpose", PURPOSE));
    GraphQLResponse next = gateway.as("u3", FOR_YOU, Map.of());

    assertThat(next.errors().path(0).path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(crossings("u3")).hasSize(logged);
  }

  @Test
  void anAnonymousCallerCanNeitherConsentNorBeRecommended() {
    GraphQLResponse grant = gateway.anonymous(GRANT, Map.of("purpose", PURPOSE));

    assertThat(grant.errors().path(0).path("extensions").path("code").asString())
        .isEqualTo("UNAUTHORIZED_FIELD_OR_TYPE");
  }

  @Test
  void theFlowMapIsServedAndShown() {
    JsonNode flows = JSON.readTree(gateway.get("/consent/flows").body()).path("flows");

    List<String> rows = new ArrayList<>();
    flows.forEach(f -> rows.add(f.path("field").asString() + " " + f.path("category").asString() + " "
        + f.path("from").asString() + "->" + f.path("to").asString() + " " + f.path("purpose").asString() + " "
        + f.path("via").asString()));
    assertThat(rows).containsExactly(
        "User.purchaseHistory.categories purchase-history commerce->promo personalised-promotions "
            + "User.recommendedCampaigns",
        "User.purchaseHistory.shopIds purchase-history commerce->promo personalised-promotions "
            + "User.recommendedCampaigns");
    assertThat(gateway.get("/consent").body()).contains("Personal data flows");
  }

  private List<String> campaignIds(String buyer) {
    GraphQLResponse answer = gateway.as(buyer, FOR_YOU, Map.of());
    assertThat(answer.hasErrors()).as(answer.describe()).isFalse();
    return Json.ids(Json.list(answer.body().path("data").path("me").path("recommendedCampaigns")));
  }

  private List<JsonNode> crossings(String buyer) {
    GraphQLResponse answer = gateway.as(buyer, CROSSINGS, Map.of());
    assertThat(answer.hasErrors()).as(answer.describe()).isFalse();
    return Json.list(answer.body().path("data").path("myDataCrossings"));
  }
}
