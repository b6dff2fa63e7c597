package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.Paging;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Search: free text and filters, scrolled page by page through the gateway. */
@ExtendWith(FederationExtension.class)
class SearchTest {

  private final Gateway gateway;
  private final Operation search;
  private final Operation productPage;

  SearchTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.search = operations.get("search.graphql");
    this.productPage = operations.get("productPage.graphql");
  }

  @Test
  void categoryFilterScrollsThroughEveryMatchOnce() {
    String category = p1().path("category").asString();
    List<JsonNode> results = Paging.scrollAll(gateway, search, Map.of("filter", Map.of("category", category)), 7,
        data -> data.get("products"));
    assertThat(Json.ids(results)).as("category " + category + " contains p1").contains("p1");
    for (JsonNode product : results) {
      assertThat(product.path("category").asString()).as("category filter, result " + product.path("id"))
          .isEqualTo(category);
    }
    int catalogue = gateway.anonymous(search, Map.of("first", 1)).data().at("/products/totalCount").asInt();
    assertThat(results.size()).as("one category is a part of the catalogue of " + catalogue).isLessThan(catalogue);
  }

  @Test
  void textSearchFindsTheProductByAWordOfItsName() {
    String name = p1().path("name").asString();
    String word = Arrays.stream(name.split("[^\\p{L}\\p{N}]+"))
        .max(Comparator.comparingInt(String::length))
        .orElseThrow();
    List<JsonNode> results = Paging.scrollAll(gateway, search, Map.of("search", word.toLowerCase()), 10,
        data -> data.get("products"));
    assertThat(Json.ids(results)).as("search '" + word.toLowerCase() + "' (from p1's name '" + name + "')")
        .contains("p1");
  }

  @Test
  void priceAndStockFiltersHold() {
    int price = p1().at("/price/amount").asInt();
    Map<String, Object> filter = Map.of("minPrice", price / 2, "maxPrice", price * 2, "inStockOnly", true);
    List<JsonNode> results = Paging.scrollAll(gateway, search, Map.of("filter", filter), 20,
        data -> data.get("products"));
    assertThat(results).as("products priced " + filter).isNotEmpty();
    for (JsonNode product : results) {
      String where = "filter " + filter + ", result " + product.path("id").asString();
      assertThat(product.at("/price/amount").asInt()).as(where + " price").isBetween(price / 2, price * 2);
      assertThat(product.path("inStock").asBoolean()).as(where + " inStock").isTrue();
    }
  }

  @Test
  void cityFilterReturnsShopsOfThatCity() {
    String city = p1().at("/shop/city").asString();
    List<JsonNode> results = Paging.scrollAll(gateway, search, Map.of("filter", Map.of("city", city)), 20,
        data -> data.get("products"));
    assertThat(Json.ids(results)).as("city " + city + " (p1's shop city)").contains("p1");
    for (JsonNode product : results) {
      assertThat(product.at("/shop/city").asString()).as("city filter, result " + product.path("id"))
          .isEqualTo(city);
    }
  }

  private JsonNode p1() {
    return gateway.anonymous(productPage, Map.of("id", "p1")).data().get("product");
  }
}
