package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.NodeClients;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Apollo Client's own {@code @defer} handling (deferSpec 20220824) against the running federation: the gateway
 * answers multipart/mixed, the app gets the product's price first and its videos (from promo) in a later part, and
 * the merged result is complete ({@code e2e/src/test/clients/apollo-defer.mjs}).
 */
@ExtendWith(FederationExtension.class)
class ApolloClientDeferTest {

  private final LocalFederation federation;

  ApolloClientDeferTest(LocalFederation federation) {
    this.federation = federation;
  }

  @Test
  void productPriceComesFirstAndItsVideosLater() throws Exception {
    JsonNode report = NodeClients.locate().run(Duration.ofMinutes(2), "apollo-defer.mjs",
        federation.graphqlUrl().toString(), "p16");

    assertThat(report.path("wire").path("contentType").asString())
        .startsWith("multipart/mixed").contains("deferSpec=20220824");
    assertThat(report.path("wire").path("parts").asInt()).as("" + report).isEqualTo(2);
    JsonNode results = report.path("results");
    assertThat(results.size()).as("" + results).isEqualTo(2);

    JsonNode first = results.get(0);
    assertThat(first.path("dataState").asString()).isEqualTo("streaming");
    assertThat(first.path("data").path("product").path("price").path("formatted").asString()).isNotBlank();
    assertThat(first.path("data").path("product").has("videos")).as("" + first).isFalse();

    JsonNode last = results.get(1);
    assertThat(last.path("dataState").asString()).isEqualTo("complete");
    assertThat(last.path("error").isNull()).as("" + last).isTrue();
    assertThat(last.path("data").path("product").path("name").asString())
        .isEqualTo(first.path("data").path("product").path("name").asString());
    assertThat(last.path("data").path("product").path("videos").isArray()).as("" + last).isTrue();
    assertThat(last.path("data").path("product").path("videos").size()).isPositive();
  }
}
