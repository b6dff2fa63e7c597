package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.migration.ShadowCompareOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code gateway.migration.shadow.*} reaches the engine: with a share of 100 the other owner is asked too. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShadowCompareHttpTest {

  private static WireMockServer subgraphs;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    registry.add("gateway.supergraph",
        () -> Path.of("src/test/resources/migration/shadow-supergraph.graphql").toAbsolutePath().toString());
    registry.add("gateway.subgraph-urls.old", () -> subgraphs.baseUrl() + "/old");
    registry.add("gateway.subgraph-urls.new", () -> subgraphs.baseUrl() + "/new");
    registry.add("gateway.consent.enabled", () -> "false");
    registry.add("gateway.migration.shadow.share", () -> "100");
  }

  @AfterAll
  static void stopSubgraphs() {
    subgraphs.stop();
  }

  @Test
  void aQueryOnAnOverriddenFieldIsAnsweredByItsOwnerAndShadowedToTheOther() throws InterruptedException {
    subgraphs.stubFor(post(urlEqualTo("/old")).willReturn(okJson(
        "{\"data\":{\"order\":{\"__typename\":\"Order\",\"id\":\"1\",\"total\":42}}}")));
    subgraphs.stubFor(post(urlEqualTo("/new")).willReturn(okJson("{\"data\":{\"_entities\":[{\"total\":42}]}}")));
    WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .responseTimeout(Duration.ofSeconds(30)).build();

    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ order(id: \"1\") { total } }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody().json("{\"data\":{\"order\":{\"total\":42}}}", true);

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (subgraphs.findAll(postRequestedFor(urlEqualTo("/new"))).isEmpty()) {
      assertThat(System.nanoTime()).as("the shadow asked the other owner within 20 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  @Test
  void theSettingsBindWithTheirDefaults() {
    assertThat(bind(Map.of()).engineOptions()).isEqualTo(ShadowCompareOptions.defaults());
    assertThat(bind(Map.of("gateway.migration.shadow.share", "12.5", "gateway.migration.shadow.max-in-flight", "2",
        "gateway.migration.shadow.per-second", "7")).engineOptions())
        .isEqualTo(new ShadowCompareOptions(12.5, 2, 7));
    assertThatThrownBy(() -> bind(Map.of("gateway.migration.shadow.share", "101")).engineOptions())
        .hasMessageContaining("gateway.migration.shadow.share");
  }

  private static ShadowCompareProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings))
        .bindOrCreate("gateway.migration.shadow", ShadowCompareProperties.class);
  }
}
