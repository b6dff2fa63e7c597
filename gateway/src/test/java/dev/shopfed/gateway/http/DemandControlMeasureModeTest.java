package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** In measure mode an operation over the maximum still runs; its cost is reported, not enforced. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemandControlMeasureModeTest {

  private static WireMockServer shop;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    shop = new WireMockServer(wireMockConfig().dynamicPort());
    shop.start();
    registry.add("gateway.supergraph", () -> Path.of("src/test/resources/cost/supergraph.graphql").toAbsolutePath().toString());
    registry.add("gateway.subgraph-urls.shop", () -> shop.baseUrl() + "/shop");
    registry.add("gateway.demand-control.max-cost", () -> "30");
    registry.add("gateway.demand-control.mode", () -> "measure");
    registry.add("gateway.demand-control.list-size", () -> "20");
  }

  @AfterAll
  static void stopSubgraph() {
    shop.stop();
  }

  @Test
  void anOperationOverTheMaximumRunsAndReportsItsCost() {
    shop.stubFor(post(urlEqualTo("/shop")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"allProducts\":[{\"id\":\"1\"}]}}")));
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();

    // 20 (the configured default list size) × Product 2 = 40 > 30, yet measured only
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("apollo-expose-cost", "true")
        .bodyValue(Map.of("query", "{ allProducts { id } }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody()
        .jsonPath("$.data.allProducts[0].id").isEqualTo("1")
        .jsonPath("$.extensions.cost.estimated").isEqualTo(40)
        .jsonPath("$.extensions.cost.actual").isEqualTo(2)
        .jsonPath("$.extensions.cost.mode").isEqualTo("measure");
    shop.verify(1, anyRequestedFor(anyUrl()));
  }
}
