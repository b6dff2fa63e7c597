package dev.shopfed.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;

/**
 * The relation between the two backends' prices: commerce owns {@code price}; promo derives
 * {@code promoPrice} from it (the gateway must fetch the price first) using the best active campaign.
 */
public final class Pricing {

  private Pricing() {}

  /**
   * Checks one product's {@code price}, {@code promoPrice} and {@code activeCampaigns}; returns
   * true when a campaign applies, so callers can insist that some product had one.
   */
  public static boolean assertPromoPriceFollowsCampaigns(JsonNode product, String where) {
    String at = where + " product " + product.path("id").asString();
    Money price = Money.of(product.get("price"), at + ".price");
    assertThat(price.amount()).as(at + ".price.amount").isPositive();
    JsonNode promo = product.get("promoPrice");
    assertThat(promo).as(at + ".promoPrice is in the response (null or Money)").isNotNull();
    JsonNode campaigns = product.path("activeCampaigns");
    assertThat(campaigns.isArray()).as(at + ".activeCampaigns is a list: " + product).isTrue();
    if (campaigns.isEmpty()) {
      assertThat(promo.isNull()).as(at + ": no active campaign, so promoPrice must be null, got " + promo).isTrue();
      return false;
    }
    int best = 0;
    for (JsonNode campaign : campaigns) {
      best = Math.max(best, campaign.path("discountPercent").asInt());
    }
    assertThat(promo.isNull()).as(at + ": campaigns " + campaigns + " apply, so promoPrice must be set").isFalse();
    Money promoPrice = Money.of(promo, at + ".promoPrice");
    if (best > 0) {
      assertThat(promoPrice.amount()).as(at + ": promoPrice < price under a " + best + "% campaign")
          .isLessThan(price.amount());
    }
    double expected = price.amount() * (100 - best) / 100.0;
    assertThat((double) promoPrice.amount())
        .as(at + ": promoPrice = price " + price.amount() + " less the best campaign's " + best + "%")
        .isCloseTo(expected, within(1.0));
    return true;
  }
}
