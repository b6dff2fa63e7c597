package dev.shopfed.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Json;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.SubgraphProxy;
import dev.shopfed.e2e.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the promotion backend actually receives, read off the wire rather than inferred from the answers (which
 * {@link ConsentTest} checks). A second gateway runs in front of the real subgraphs, trusted by them as the
 * federation's own, with its own consent database; its promo requests go through a recording proxy. Buyer u3's
 * purchase history and payments are read from commerce through that gateway, then looked for in every request promo
 * got: without consent none of it may be there, with consent the purchase history exactly once per crossing on
 * record, and nothing of a payment ever.
 */
@ExtendWith(FederationExtension.class)
class ConsentOnTheWireTest {

  private static final String BUYER = "u3";
  private static final String PURPOSE = "personalised-promotions";

  private static final Operation FOR_YOU = new Operation("(recommended campaigns)",
      "query ForYou { me { id recommendedCampaigns { id } } campaigns { id } }", "ForYou");
  /** Orders with their payments and the promo fields of what was bought, and the recommendations: every backend. */
  private static final Operation ORDERS_AND_OFFERS = new Operation("(orders, payments and offers)", """
      query OrdersAndOffers {
        me {
          id
          orders {
            id status total { amount }
            payment { id method status paidAt amount { amount } }
            items { quantity product { id name promoPrice { amount } activeCampaigns { id } } }
          }
          recommendedCampaigns { id }
        }
      }""", "OrdersAndOffers");
  private static final Operation PURCHASE_HISTORY = new Operation("(purchase history)",
      "query PurchaseHistory { me { purchaseHistory { categories shopIds } } }", "PurchaseHistory");
  private static final Operation PAYMENTS = new Operation("(payments)",
      "query Payments { me { orders { payment { id method paidAt } } } }", "Payments");
  private static final Operation GRANT = new Operation("(grant)",
      "mutation Grant($purpose: String!) { grantConsent(purpose: $purpose) { purpose } }", "Grant");
  private static final Operation REVOKE = new Operation("(revoke)",
      "mutation Revoke($purpose: String!) { revokeConsent(purpose: $purpose) { purpose } }", "Revoke");
  private static final Operation CROSSINGS = new Operation("(crossings)",
      "query Crossings { myDataCrossings(first: 500) { requestId fields } }", "Crossings");

  /** The fields that would carry a purchase history, as they would be named in a request's document. */
  private static final List<String> PURCHASE_HISTORY_FIELDS = List.of("purchaseHistory", "categories", "shopIds");
  /** A payment's type and fields, as they would be named in a request's document. */
  private static final List<String> PAYMENT_FIELDS = List.of("payment", "method", "paidAt");
  private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static SubgraphProxy promoProxy;
  private static WireMockServer promo;
  private static ServiceProcess gatewayProcess;
  private static Gateway gateway;
  private static List<String> categories;
  private static List<String> shopIds;
  private static List<String> paymentValues;

  @BeforeAll
  static void aGatewayWhosePromoRequestsAreRecorded(LocalFederation federation) throws IOException {
    promoProxy = SubgraphProxy.recording(federation.promoUrl());
    promo = promoProxy.server();

    FederationSettings settings = federation.settings();
    Path dir = settings.layout().root().resolve("e2e/target/consent-on-the-wire");
    Files.createDirectories(dir);
    deleteConsentDatabase(dir);
    ServiceSpec launched = LocalFederation.gateway(settings, FreePorts.pick(), federation.gatewayIdentityArguments(),
        federation.commerceUrl(), promoProxy.graphqlUrl());
    List<String> args = new ArrayList<>(launched.args());
    args.add("--gateway.consent.jdbc-url=jdbc:h2:file:" + dir.resolve("consent"));
    ServiceSpec spec = new ServiceSpec(launched.name(), launched.jar(), launched.port(), launched.healthPath(), args,
        launched.jvmArgs());
    gatewayProcess = ServiceProcess.launch(spec, dir);
    gatewayProcess.awaitHealthy(settings.startupTimeout());
    gateway = new Gateway(spec.baseUrl(), spec.baseUrl().resolve("/graphql"),
        new Tokens(federation.issuer().tokenUrl()));

    JsonNode history = gateway.as(BUYER, PURCHASE_HISTORY, Map.of()).data().path("me").path("purchaseHistory");
    categories = Json.strings(history.path("categories"));
    shopIds = Json.strings(history.path("shopIds"));
    assertThat(categories).as("%s's categories, from commerce", BUYER).isNotEmpty();
    assertThat(shopIds).as("%s's shops, from commerce", BUYER).isNotEmpty();

    paymentValues = new ArrayList<>();
    for (JsonNode order : gateway.as(BUYER, PAYMENTS, Map.of()).data().path("me").path("orders")) {
      JsonNode payment = order.path("payment");
      if (payment.isObject()) {
        Stream.of("id", "method", "paidAt").map(field -> payment.path(field).asString()).forEach(paymentValues::add);
      }
    }
    assertThat(paymentValues).as("%s's payments, from commerce", BUYER).isNotEmpty();
  }

  @AfterAll
  static void stop() {
    if (gatewayProcess != null) {
      gatewayProcess.close();
    }
    if (promoProxy != null) {
      promoProxy.close();
    }
  }

  @Test
  void withoutConsentPromoReceivesNothingOfThePurchaseHistoryNorOfAPayment() {
    consent(REVOKE);

    promo.resetRequests();
    GraphQLResponse forYou = gateway.as(BUYER, FOR_YOU, Map.of());
    assertThat(code(forYou)).as(forYou.describe()).isEqualTo("CONSENT_REQUIRED");
    List<PromoRequest> forYouRequests = promoRequests();
    assertThat(forYouRequests).as("the generic campaigns still come from promo").isNotEmpty();

    promo.resetRequests();
    GraphQLResponse orders = gateway.as(BUYER, ORDERS_AND_OFFERS, Map.of());
    assertThat(code(orders)).as(orders.describe()).isEqualTo("CONSENT_REQUIRED");
    assertThat(orders.body().path("data").path("me").path("orders").size()).as(orders.describe()).isPositive();
    List<PromoRequest> ordersRequests = promoRequests();
    assertThat(ordersRequests).as("the ordered products' promo fields come from promo")
        .anySatisfy(request -> assertThat(request.typenames()).contains("Product"));

    for (PromoRequest request : concat(forYouRequests, ordersRequests)) {
      assertNoPurchaseHistory(request);
      assertNoPayment(request);
    }
  }

  @Test
  void withConsentTheRecommendationsSendThePurchaseHistoryOnceAndThatCrossingIsOnRecord() {
    consent(GRANT);
    List<JsonNode> before = crossings();

    promo.resetRequests();
    String requestId = "for-you-" + UUID.randomUUID();
    GraphQLResponse answer = gateway.send(FOR_YOU, Map.of(), withRequestId(requestId));
    assertThat(answer.hasErrors()).as(answer.describe()).isFalse();

    List<PromoRequest> carriers = promoRequests().stream().filter(PromoRequest::mentionsPurchaseHistory).toList();
    assertThat(carriers).as("promo requests carrying the purchase history").hasSize(1);
    PromoRequest entities = carriers.get(0);
    assertThat(entities.query()).contains("_entities");
    JsonNode representation = entities.userRepresentation();
    assertThat(representation.path("id").asString()).isEqualTo(BUYER);
    assertThat(Json.strings(representation.path("purchaseHistory").path("categories"))).isEqualTo(categories);
    assertThat(Json.strings(representation.path("purchaseHistory").path("shopIds"))).isEqualTo(shopIds);

    List<JsonNode> after = crossings();
    assertThat(after).as("one crossing per request that carried it").hasSize(before.size() + carriers.size());
    assertThat(after.get(0).path("requestId").asString()).isEqualTo(requestId);
    assertThat(Json.strings(after.get(0).path("fields")))
        .containsExactlyInAnyOrder("User.purchaseHistory.categories", "User.purchaseHistory.shopIds");
  }

  @Test
  void withConsentPromoStillReceivesNothingOfAPayment() {
    consent(GRANT);
    List<JsonNode> before = crossings();

    promo.resetRequests();
    GraphQLResponse answer = gateway.as(BUYER, ORDERS_AND_OFFERS, Map.of());
    assertThat(answer.hasErrors()).as(answer.describe()).isFalse();
    assertThat(answer.body().path("data").path("me").path("orders").findValues("payment"))
        .as("the buyer sees their own payments").anyMatch(JsonNode::isObject);

    List<PromoRequest> requests = promoRequests();
    requests.forEach(ConsentOnTheWireTest::assertNoPayment);
    List<PromoRequest> carriers = requests.stream().filter(PromoRequest::mentionsPurchaseHistory).toList();
    assertThat(carriers).as("promo requests carrying the purchase history").hasSize(1);
    assertThat(fieldNames(carriers.get(0).userRepresentation()))
        .as("the buyer's representation holds the key and the purchase history, nothing else")
        .containsExactlyInAnyOrder("__typename", "id", "purchaseHistory");
    assertThat(crossings()).hasSize(before.size() + carriers.size());
  }

  @Test
  void afterARevocationTheVeryNextRequestSendsNoPurchaseHistory() {
    consent(GRANT);
    promo.resetRequests();
    assertThat(gateway.as(BUYER, FOR_YOU, Map.of()).hasErrors()).isFalse();
    assertThat(promoRequests()).as("while granted, the purchase history crosses")
        .anyMatch(PromoRequest::mentionsPurchaseHistory);
    List<JsonNode> before = crossings();

    consent(REVOKE);
    promo.resetRequests();
    GraphQLResponse next = gateway.as(BUYER, FOR_YOU, Map.of());

    assertThat(code(next)).as(next.describe()).isEqualTo("CONSENT_REQUIRED");
    promoRequests().forEach(ConsentOnTheWireTest::assertNoPurchaseHistory);
    assertThat(crossings()).hasSize(before.size());
  }

  private static void assertNoPurchaseHistory(PromoRequest request) {
    assertThat(request.mentionsPurchaseHistory()).as("a promo request carrying the purchase history: %s", request)
        .isFalse();
  }

  private static void assertNoPayment(PromoRequest request) {
    for (String field : PAYMENT_FIELDS) {
      assertThat(request.body().toLowerCase()).as("a promo request naming %s: %s", field, request)
          .doesNotContain(field.toLowerCase());
    }
    for (String value : paymentValues) {
      assertThat(request.carries(value)).as("a promo request carrying %s: %s", value, request).isFalse();
    }
  }

  private static void consent(Operation change) {
    GraphQLResponse answer = gateway.as(BUYER, change, Map.of("purpose", PURPOSE));
    assertThat(answer.hasErrors()).as(answer.describe()).isFalse();
  }

  private static List<JsonNode> crossings() {
    return Json.list(gateway.as(BUYER, CROSSINGS, Map.of()).data().path("myDataCrossings"));
  }

  private static Map<String, String> withRequestId(String requestId) {
    return Map.of("Authorization", "Bearer " + gateway.tokens().of(BUYER), "x-request-id", requestId);
  }

  private static String code(GraphQLResponse answer) {
    return answer.body().path("errors").path(0).path("extensions").path("code").asString();
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  /** Everything promo received since the last reset, oldest first. */
  private static List<PromoRequest> promoRequests() {
    return promo.findAll(anyRequestedFor(anyUrl())).stream().map(PromoRequest::of).toList();
  }

  private static List<PromoRequest> concat(List<PromoRequest> first, List<PromoRequest> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  private static void deleteConsentDatabase(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().startsWith("consent.")).toList()) {
        Files.delete(file);
      }
    }
  }

  /**
   * One request as promo received it.
   *
   * @param body    the body as sent
   * @param json    the body parsed
   * @param headers every header, a line each; a signed token's header and claims decoded, so values in them show
   */
  private record PromoRequest(String body, JsonNode json, String headers) {

    static PromoRequest of(LoggedRequest request) {
      StringBuilder headers = new StringBuilder();
      for (HttpHeader header : request.getHeaders().all()) {
        for (String value : header.values()) {
          headers.append(header.key()).append(": ").append(decoded(value)).append('\n');
        }
      }
      String body = request.getBodyAsString();
      return new PromoRequest(body, JSON.readTree(body), headers.toString());
    }

    String query() {
      return json.path("query").asString();
    }

    /** The entity representations of every {@code _entities} in it (a request may batch several, one variable each). */
    List<JsonNode> representations() {
      List<JsonNode> representations = new ArrayList<>();
      for (JsonNode variable : json.path("variables")) {
        for (JsonNode item : variable.isArray() ? Json.list(variable) : List.<JsonNode>of()) {
          if (item.has("__typename")) {
            representations.add(item);
          }
        }
      }
      return representations;
    }

    List<String> typenames() {
      return representations().stream().map(r -> r.path("__typename").asString()).toList();
    }

    /** The buyer's representation, the one User among them. */
    JsonNode userRepresentation() {
      List<JsonNode> users = representations().stream()
          .filter(r -> r.path("__typename").asString().equals("User")).toList();
      assertThat(users).as("User representations in %s", this).hasSize(1);
      return users.get(0);
    }

    /** Names a field of the purchase history, or carries one of the buyer's categories or shops anywhere. */
    boolean mentionsPurchaseHistory() {
      return PURCHASE_HISTORY_FIELDS.stream().anyMatch(body::contains)
          || Stream.concat(categories.stream(), shopIds.stream()).anyMatch(this::carries);
    }

    /** Whether {@code value} is in the body or the headers as a whole token, not part of a longer one. */
    boolean carries(String value) {
      Pattern token = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(value) + "(?![A-Za-z0-9_])");
      return token.matcher(body).find() || token.matcher(headers).find();
    }

    private static String decoded(String value) {
      if (!COMPACT_JWS.matcher(value).matches()) {
        return value;
      }
      String[] parts = value.split("\\.");
      Base64.Decoder base64 = Base64.getUrlDecoder();
      try {
        return new String(base64.decode(parts[0]), StandardCharsets.UTF_8) + "."
            + new String(base64.decode(parts[1]), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return value;
      }
    }

    @Override
    public String toString() {
      return headers + body;
    }
  }
}
