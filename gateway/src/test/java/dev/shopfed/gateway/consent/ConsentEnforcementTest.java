package dev.shopfed.gateway.consent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.identity.Identity;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consent on the wire: what the subgraphs receive (WireMock records every request) with and without the caller's
 * consent, the crossing log, and failing closed.
 */
class ConsentEnforcementTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String RECOMMENDED = "{ me { name recommended { id } following { id } } }";
  private static WireMockServer subgraphs;
  private InMemoryConsents store;
  private GatewayEngine engine;

  @BeforeAll
  static void start() {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
  }

  @AfterAll
  static void stop() {
    subgraphs.stop();
  }

  @BeforeEach
  void load() throws Exception {
    subgraphs.resetAll();
    store = new InMemoryConsents();
    engine = engine(new ConsentOptions(store, store, null));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private static GatewayEngine engine(ConsentOptions consent) throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/consent/supergraph.graphql"));
    GatewayOptions options = GatewayOptions.defaults().withSubgraphUrls(Map.of(
        "accounts", URI.create(subgraphs.baseUrl() + "/accounts"),
        "offers", URI.create(subgraphs.baseUrl() + "/offers"),
        "consent", URI.create(subgraphs.baseUrl() + "/consent"))).withConsent(consent);
    return GatewayEngine.load(sdl, options);
  }

  @Test
  void withoutConsentNothingClassifiedIsAskedForNorSentAndTheFieldIsNullWithItsCode() throws Exception {
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\"}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"following\":[{\"id\":\"o9\"}]}]}}");

    JsonNode answer = run(RECOMMENDED, "u1");

    assertThat(answer.path("data").path("me").path("name").asString()).isEqualTo("Ana");
    assertThat(answer.path("data").path("me").path("recommended").isNull()).isTrue();
    assertThat(answer.path("data").path("me").path("following").path(0).path("id").asString()).isEqualTo("o9");
    assertThat(answer.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(answer.path("errors").path(0).path("path").toString()).isEqualTo("[\"me\",\"recommended\"]");
    assertThat(bodies("/accounts") + bodies("/offers")).doesNotContain("history", "categories", "books");
    assertThat(store.crossings).isEmpty();
  }

  @Test
  void withConsentTheHistoryCrossesOnceAndIsLoggedBeforeItIsSent() throws Exception {
    grant("u1", "personalised-offers");
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\","
        + "\"history\":{\"categories\":[\"books\"]}}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"recommended\":[{\"id\":\"o1\"}],\"following\":[{\"id\":\"o9\"}]}]}}");

    JsonNode answer = run(RECOMMENDED, "u1");

    assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
    assertThat(answer.path("data").path("me").path("recommended").path(0).path("id").asString()).isEqualTo("o1");
    assertThat(bodies("/offers")).contains("\"history\":{\"categories\":[\"books\"]}");
    assertThat(store.crossings).singleElement().satisfies(c -> {
      assertThat(c.subject()).isEqualTo("u1");
      assertThat(c.fields()).containsExactly("User.history.categories");
      assertThat(c.categories()).containsExactly("purchase-history");
      assertThat(c.fromSubgraph()).isEqualTo("accounts");
      assertThat(c.toSubgraph()).isEqualTo("offers");
      assertThat(c.purpose()).isEqualTo("personalised-offers");
    });
  }

  @Test
  void aRevocationHoldsFromTheVeryNextRequest() throws Exception {
    grant("u1", "personalised-offers");
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\","
        + "\"history\":{\"categories\":[\"books\"]}}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"recommended\":[{\"id\":\"o1\"}],\"following\":[]}]}}");
    run(RECOMMENDED, "u1");
    assertThat(run("mutation { revokeConsent(purpose: \"personalised-offers\") { purpose } }", "u1")
        .path("data").path("revokeConsent").size()).isZero();
    subgraphs.resetRequests();

    JsonNode answer = run(RECOMMENDED, "u1");

    assertThat(answer.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(bodies("/accounts") + bodies("/offers")).doesNotContain("history");
    assertThat(store.crossings).hasSize(1);
  }

  @Test
  void oneBuyersConsentIsNotAnothers() throws Exception {
    grant("u2", "personalised-offers");
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\"}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"following\":[]}]}}");

    assertThat(run(RECOMMENDED, "u1").path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("CONSENT_REQUIRED");
    assertThat(run(RECOMMENDED, null).path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("CONSENT_REQUIRED");
  }

  @Test
  void confinedDataNeverCrossesWhateverIsGranted() throws Exception {
    grant("u1", "personalised-offers");
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\"}}}");

    JsonNode answer = run("{ me { name byPayment { id } } }", "u1");

    assertThat(answer.path("data").path("me").path("byPayment").isNull()).isTrue();
    assertThat(answer.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(bodies("/accounts")).doesNotContain("payment", "method");
    subgraphs.verify(0, postRequestedFor(urlEqualTo("/offers")));
  }

  @Test
  void anUnreadableRegistryGrantsNothing() throws Exception {
    grant("u1", "personalised-offers");
    store.registryDown.set(true);
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\"}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"following\":[]}]}}");

    JsonNode answer = run(RECOMMENDED, "u1");

    assertThat(answer.path("data").path("me").path("name").asString()).isEqualTo("Ana");
    assertThat(answer.path("errors").path(0).path("extensions").path("code").asString()).isEqualTo("CONSENT_REQUIRED");
    assertThat(bodies("/accounts") + bodies("/offers")).doesNotContain("history");
  }

  @Test
  void noLogEntryNoCrossing() throws Exception {
    grant("u1", "personalised-offers");
    store.logDown.set(true);
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\","
        + "\"history\":{\"categories\":[\"books\"]}}}}");

    JsonNode answer = run("{ me { name recommended { id } } }", "u1");

    assertThat(answer.path("data").path("me").path("name").asString()).as(answer.toString()).isEqualTo("Ana");
    assertThat(answer.path("data").path("me").path("recommended").isNull()).isTrue();
    assertThat(answer.path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("CONSENT_UNAVAILABLE");
    subgraphs.verify(0, postRequestedFor(urlEqualTo("/offers")));
  }

  @Test
  void withConsentOffTheGatewayLetsNothingClassifiedCross() throws Exception {
    engine.close();
    engine = engine(ConsentOptions.disabled());
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\"}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"following\":[]}]}}");

    assertThat(run(RECOMMENDED, "u1").path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("CONSENT_REQUIRED");
    assertThat(bodies("/accounts") + bodies("/offers")).doesNotContain("history");
  }

  @Test
  void theConsentApiIsAnsweredByTheGatewayForTheSignedInCaller() throws Exception {
    JsonNode granted = run("mutation { grantConsent(purpose: \"personalised-offers\") { purpose grantedAt } }", "u1");
    assertThat(granted.path("data").path("grantConsent").path(0).path("purpose").asString())
        .isEqualTo("personalised-offers");
    assertThat(run("{ myConsents { purpose } }", "u1").path("data").path("myConsents").size()).isEqualTo(1);
    assertThat(run("{ myConsents { purpose } }", "u2").path("data").path("myConsents").size()).isZero();

    JsonNode unknown = run("mutation { grantConsent(purpose: \"marketing\") { purpose } }", "u1");
    assertThat(unknown.path("errors").path(0).path("extensions").path("code").asString()).as(unknown.toString())
        .isEqualTo("BAD_USER_INPUT");
    JsonNode anonymous = run("{ myConsents { purpose } }", null);
    assertThat(anonymous.path("errors").path(0).path("extensions").path("code").asString())
        .isEqualTo("UNAUTHENTICATED");
    subgraphs.verify(0, anyRequestedFor(urlEqualTo("/consent")));
  }

  @Test
  void aBuyerSeesWhatOfTheirsCrossed() throws Exception {
    grant("u1", "personalised-offers");
    stubAccounts("{\"data\":{\"me\":{\"name\":\"Ana\",\"__typename\":\"User\",\"id\":\"u1\","
        + "\"history\":{\"categories\":[\"books\"]}}}}");
    stubOffers("{\"data\":{\"_entities\":[{\"recommended\":[],\"following\":[]}]}}");
    run(RECOMMENDED, "u1");

    JsonNode crossings = run("{ myDataCrossings { fields categories fromSubgraph toSubgraph purpose } }", "u1");

    assertThat(crossings.path("data").path("myDataCrossings").toString()).isEqualTo("[{\"fields\":"
        + "[\"User.history.categories\"],\"categories\":[\"purchase-history\"],\"fromSubgraph\":\"accounts\","
        + "\"toSubgraph\":\"offers\",\"purpose\":\"personalised-offers\"}]");
    assertThat(run("{ myDataCrossings { purpose } }", "u2").path("data").path("myDataCrossings").size()).isZero();
  }

  private void grant(String subject, String purpose) {
    store.grant(subject, purpose).join();
  }

  private JsonNode run(String query, String subject) throws Exception {
    Identity identity = subject == null ? Identity.ANONYMOUS : new Identity(subject, Set.of(), Map.of("sub", subject));
    var response = engine.execute(new GatewayRequest(query, null, Map.of(), Map.of(), Map.of(), false, false, false,
        "req-1", identity)).get();
    return JSON.readTree(JSON.writeValueAsString(response.body()));
  }

  private static void stubAccounts(String body) {
    subgraphs.stubFor(post(urlEqualTo("/accounts")).willReturn(aResponse().withHeader("content-type",
        "application/json").withBody(body)));
  }

  private static void stubOffers(String body) {
    subgraphs.stubFor(post(urlEqualTo("/offers")).willReturn(aResponse().withHeader("content-type",
        "application/json").withBody(body)));
  }

  private static String bodies(String path) {
    return subgraphs.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString)
        .reduce("", String::concat);
  }
}
