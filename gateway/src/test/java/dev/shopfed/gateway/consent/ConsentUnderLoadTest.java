package dev.shopfed.gateway.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.consent.jdbc.ConsentStoreOptions;
import dev.shopfed.gateway.consent.jdbc.JdbcConsentStore;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.identity.Identity;
import dev.shopfed.testsupport.postgres.TestPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 50 buyers at once, half of them with consent, the registry and the crossing log on a real PostgreSQL: every
 * request that sent purchase history to the offers subgraph (as WireMock recorded them) has exactly one row in the
 * log, for that buyer, and no buyer without consent had theirs sent.
 */
class ConsentUnderLoadTest {

  private static final int CLIENTS = 50;
  private static final int REQUESTS_EACH = 8;
  private static WireMockServer subgraphs;
  private static JdbcConsentStore store;
  private static String jdbcUrl;

  @BeforeAll
  static void start() {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(60));
    subgraphs.start();
    jdbcUrl = TestPostgres.shared().createDatabase();
    store = JdbcConsentStore.open(ConsentStoreOptions.of(jdbcUrl).withCredentials(TestPostgres.USERNAME, null)
        .withPoolSize(8));
  }

  @AfterAll
  static void stop() {
    subgraphs.stop();
    store.close();
  }

  @Test
  void everyCrossingIsLoggedOnceAndOnlyForThoseWhoConsented() throws Exception {
    subgraphs.stubFor(post(urlEqualTo("/accounts")).willReturn(aResponse().withHeader("content-type",
        "application/json").withBody("{\"data\":{\"me\":{\"name\":\"B\","
            + "\"__typename\":\"User\",\"id\":\"x\",\"history\":{\"categories\":[\"books\"]}}}}")));
    subgraphs.stubFor(post(urlEqualTo("/offers")).willReturn(aResponse().withHeader("content-type",
        "application/json").withBody("{\"data\":{\"_entities\":[{\"recommended\":[{\"id\":\"o1\"}]}]}}")));
    for (int buyer = 0; buyer < CLIENTS; buyer += 2) {
      store.registry().grant("b" + buyer, "personalised-offers").join();
    }
    AtomicInteger personalised = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

    try (GatewayEngine engine = engine()) {
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<CompletableFuture<Void>> runs = new ArrayList<>();
      for (int buyer = 0; buyer < CLIENTS; buyer++) {
        String subject = "b" + buyer;
        runs.add(CompletableFuture.runAsync(() -> {
          for (int i = 0; i < REQUESTS_EACH; i++) {
            String body = ask(engine, subject);
            if (body.contains("\"recommended\":[{\"id\":\"o1\"}]")) {
              personalised.incrementAndGet();
            } else if (body.contains("CONSENT_REQUIRED")) {
              refused.incrementAndGet();
            } else {
              failures.add(subject + ": " + body);
            }
          }
        }, clients));
      }
      CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      clients.shutdown();
    }

    assertThat(failures).isEmpty();
    assertThat(personalised.get()).isEqualTo(CLIENTS / 2 * REQUESTS_EACH);
    assertThat(refused.get()).isEqualTo(CLIENTS / 2 * REQUESTS_EACH);
    List<LoggedRequest> sent = subgraphs.findAll(postRequestedFor(urlEqualTo("/offers"))
        .withRequestBody(containing("history")));
    assertThat(sent).hasSize(personalised.get());
    assertThat(rows("select count(*) from crossing")).isEqualTo(sent.size());
    assertThat(rows("select count(distinct request_id) from crossing")).isEqualTo(sent.size());
    assertThat(rows("select count(*) from crossing where cast(substring(subject from 2) as int) % 2 = 1"))
        .isZero();
  }

  private static String ask(GatewayEngine engine, String subject) {
    Identity identity = new Identity(subject, Set.of(), Map.of("sub", subject));
    String requestId = subject + "-" + java.util.UUID.randomUUID();
    try {
      var response = engine.execute(new GatewayRequest("{ me { name recommended { id } } }", null, Map.of(),
          Map.of(), Map.of(), false, false, false, requestId, identity)).get(30, TimeUnit.SECONDS);
      return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(response.body());
    } catch (Exception e) {
      return "failed: " + e;
    }
  }

  private static GatewayEngine engine() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/consent/supergraph.graphql"));
    GatewayOptions options = GatewayOptions.defaults().withSubgraphUrls(Map.of(
        "accounts", URI.create(subgraphs.baseUrl() + "/accounts"),
        "offers", URI.create(subgraphs.baseUrl() + "/offers"),
        "consent", URI.create(subgraphs.baseUrl() + "/consent")))
        .withConsent(new ConsentOptions(store.registry(), store.crossingLog(), null));
    return GatewayEngine.load(sdl, options);
  }

  private static long rows(String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, TestPostgres.USERNAME, null);
        ResultSet result = connection.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
