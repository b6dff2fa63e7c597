package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Where the migration stands as the launcher starts the federation: promo still holds legacy copies of
 * {@code Product.stock}/{@code inStock} and {@code Shop.city}/{@code rating}, which commerce takes over with
 * {@code @override} labels. The launcher switches {@code stock-to-commerce} on (checkout changes stock in commerce
 * only) and leaves {@code shop-details-to-commerce} off, so the product page gets its stock from commerce and its shop
 * details from promo; the plan the gateway exposes shows which subgraph each field comes from.
 */
@ExtendWith(FederationExtension.class)
class LegacyOwnershipTest {

  /** Each fetch of a printed plan, from its header to the next one; a header names the subgraph. */
  private static final Pattern FETCH = Pattern.compile("(?:Batch)?Fetch\\(service: \"([^\"]+)\"\\)");

  private final Gateway gateway;
  private final Operations operations;

  LegacyOwnershipTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
  }

  @Test
  void theProductPageGetsStockFromCommerceAndShopDetailsFromPromo() {
    GraphQLResponse response = gateway.send(operations.get("productPage.graphql"), Map.of("id", "p1"),
        Map.of("apollo-expose-query-plan", "true"));
    assertThat(response.hasErrors()).as("product page of p1; got " + response.describe()).isFalse();
    JsonNode product = response.data().get("product");
    // p1 is sold by s36 (Pempek Cek Molek, Palembang, 4.6): promo's copy and commerce's seed agree.
    assertThat(product.at("/shop/city").asString()).isEqualTo("Palembang");
    assertThat(product.at("/shop/rating").asDouble()).isEqualTo(4.6);
    assertThat(product.path("inStock").asBoolean()).isEqualTo(product.path("stock").asInt() > 0);

    List<Fetch> fetches = fetches(response.body().at("/extensions/queryPlan/text").asString());
    assertThat(servicesSelecting(fetches, "stock")).as("who answers stock in\n" + fetches).containsOnly("commerce");
    assertThat(servicesSelecting(fetches, "inStock")).as("who answers inStock").containsOnly("commerce");
    assertThat(servicesSelecting(fetches, "city")).as("who answers city in\n" + fetches).containsOnly("promo");
    assertThat(servicesSelecting(fetches, "rating")).as("who answers rating").containsOnly("promo");
  }

  private record Fetch(String service, String text) {
    @Override
    public String toString() {
      return service + ": " + text;
    }
  }

  private static List<Fetch> fetches(String plan) {
    assertThat(plan).as("the printed plan").isNotBlank();
    List<Fetch> fetches = new ArrayList<>();
    Matcher header = FETCH.matcher(plan);
    if (!header.find()) {
      return fetches;
    }
    while (true) {
      String service = header.group(1);
      int start = header.end();
      boolean more = header.find();
      fetches.add(new Fetch(service, plan.substring(start, more ? header.start() : plan.length())));
      if (!more) {
        return fetches;
      }
    }
  }

  private static List<String> servicesSelecting(List<Fetch> fetches, String field) {
    Pattern selected = Pattern.compile("\\b" + field + "\\b");
    List<String> services = fetches.stream().filter(f -> selected.matcher(f.text()).find()).map(Fetch::service).toList();
    assertThat(services).as(field + " is fetched at all").isNotEmpty();
    return services;
  }
}
