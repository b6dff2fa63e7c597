package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Demand control over real HTTP: the cost-annotated test supergraph ({@code src/test/resources/cost/}), a maximum
 * cost of 30, and WireMock as its one subgraph. Refused operations never reach the subgraph.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandControlHttpTest {

  private static WireMockServer shop;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    shop = new WireMockServer(wireMockConfig().dynamicPort());
    shop.start();
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/cost/supergraph.graphql").toAbsolutePath().toString());
    registry.add("gateway.subgraph-urls.shop", () -> shop.baseUrl() + "/shop");
    registry.add("gateway.demand-control.max-cost", () -> "30");
  }

  @AfterAll
  static void stopSubgraph() {
    shop.stop();
  }

  @BeforeEach
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    shop.resetAll();
    shop.stubFor(WireMock.post(urlEqualTo("/shop")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"products\":[{\"id\":\"1\",\"name\":\"a\"},{\"id\":\"2\",\"name\":\"b\"}]}}")));
  }

  @Test
  void anOperationOverTheMaximumIsRefusedBeforeAnyFetch() {
    // allProducts: 10 (default list size) × (Product 2 + reviews 3 × Review 1) = 50
    post("{ allProducts { id reviews { stars } } }", Map.of(), false)
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("COST_ESTIMATED_TOO_EXPENSIVE")
        .jsonPath("$.errors[0].message")
        .isEqualTo("Estimated cost 50 exceeds the maximum cost of 30 (gateway.demand-control.max-cost)")
        .jsonPath("$.data").doesNotExist();
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void theCostHeaderExposesEstimatedAndActualCost() {
    // estimated: 3 (first) × Product 2 = 6; actual: the subgraph returned 2 products = 4
    post("{ products(first: 3) { id name } }", Map.of(), true)
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.data.products.length()").isEqualTo(2)
        .jsonPath("$.extensions.cost.estimated").isEqualTo(6)
        .jsonPath("$.extensions.cost.actual").isEqualTo(4)
        .jsonPath("$.extensions.cost.max").isEqualTo(30)
        .jsonPath("$.extensions.cost.mode").isEqualTo("enforce");
  }

  @Test
  void noCostWithoutTheHeader() {
    post("{ products(first: 3) { id name } }", Map.of(), false)
        .expectStatus().isOk()
        .expectBody().jsonPath("$.extensions").doesNotExist();
  }

  @Test
  void aRefusalWithTheHeaderCarriesTheEstimate() {
    post("{ allProducts { id reviews { stars } } }", Map.of(), true)
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.extensions.cost.estimated").isEqualTo(50)
        .jsonPath("$.extensions.cost.actual").doesNotExist()
        .jsonPath("$.extensions.cost.max").isEqualTo(30);
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void slicingArgumentsFromVariablesAreReadOnEveryRequestThoughThePlanIsCached() {
    String query = "query Products($n: Int) { products(first: $n) { id name } }";
    post(query, Map.of("n", 3), true).expectStatus().isOk()
        .expectBody().jsonPath("$.extensions.cost.estimated").isEqualTo(6);
    post(query, Map.of("n", 20), true).expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("COST_ESTIMATED_TOO_EXPENSIVE")
        .jsonPath("$.extensions.cost.estimated").isEqualTo(40);
    shop.verify(1, anyRequestedFor(anyUrl()));
    post(query, Map.of("n", 2), true).expectStatus().isOk()
        .expectBody().jsonPath("$.extensions.cost.estimated").isEqualTo(4);
  }

  @Test
  void aMissingRequiredSlicingArgumentIsRefused() {
    post("{ products { id } }", Map.of(), false)
        .expectStatus().isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("COST_QUERY_PARSE_FAILURE")
        .jsonPath("$.errors[0].message")
        .isEqualTo("Exactly one slicing argument of [first, last] is required on Query.products, but found 0");
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  private WebTestClient.ResponseSpec post(String query, Map<String, Object> variables, boolean exposeCost) {
    WebTestClient.RequestBodySpec request = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
    if (exposeCost) {
      request.header("apollo-expose-cost", "true");
    }
    return request.bodyValue(Map.of("query", query, "variables", variables)).exchange();
  }
}
