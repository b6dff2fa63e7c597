package dev.shopfed.e2e.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the supergraph handed to Apollo Gateway is rewritten; no process is started. */
class ApolloGatewayProcessTest {

  private static final String SUPERGRAPH = """
      type Product
        @join__type(graph: COMMERCE, key: "id")
        @join__type(graph: PROMO, key: "id")
      {
        id: ID!
        stock: Int! @join__field(graph: COMMERCE, override: "promo", overrideLabel: "stock-to-commerce") \
      @join__field(graph: PROMO, overrideLabel: "stock-to-commerce")
        promoPrice: Money @join__field(graph: PROMO, requires: "price(currency: \\"IDR\\") { amount }")
      }

      type Shop
        @join__type(graph: COMMERCE, key: "id")
        @join__type(graph: PROMO, key: "id")
      {
        city: String! @join__field(graph: COMMERCE, override: "promo", overrideLabel: "shop-details-to-commerce") \
      @join__field(graph: PROMO, overrideLabel: "shop-details-to-commerce")
        rating: Float! @join__field(graph: PROMO, overrideLabel: "shop-details-to-commerce") \
      @join__field(graph: COMMERCE, override: "promo", overrideLabel: "shop-details-to-commerce")
      }
      """;

  /** What composition writes for {@code @override(from: "promo")} without a label: commerce alone resolves it. */
  @Test
  void aLabelThatIsOnBecomesAPlainOverride() {
    String rewritten = ApolloGatewayProcess.withOverrideLabelsOn(SUPERGRAPH, Set.of("stock-to-commerce"));

    assertThat(rewritten).contains("  stock: Int! @join__field(graph: COMMERCE, override: \"promo\")\n")
        .doesNotContain("stock-to-commerce");
    assertThat(rewritten).as("labels that are off, and fields without labels, stay as they are")
        .contains(SUPERGRAPH.substring(SUPERGRAPH.indexOf("  promoPrice:")));
  }

  @Test
  void theOverriddenSideGoesWhereverItStands() {
    String rewritten = ApolloGatewayProcess.withOverrideLabelsOn(SUPERGRAPH,
        Set.of("stock-to-commerce", "shop-details-to-commerce"));

    assertThat(rewritten).contains("  city: String! @join__field(graph: COMMERCE, override: \"promo\")\n",
        "  rating: Float! @join__field(graph: COMMERCE, override: \"promo\")\n").doesNotContain("overrideLabel");
  }

  @Test
  void noLabelsOnLeavesTheSupergraphAlone() {
    assertThat(ApolloGatewayProcess.withOverrideLabelsOn(SUPERGRAPH, Set.of())).isEqualTo(SUPERGRAPH);
    assertThat(ApolloGatewayProcess.withOverrideLabelsOn(SUPERGRAPH, Set.of("some-other-label"))).isEqualTo(SUPERGRAPH);
  }
}
