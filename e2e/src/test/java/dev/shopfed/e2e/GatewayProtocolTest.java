package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.SpecShape;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** What the app gets back for requests that are wrong, and the gateway's other endpoints. */
@ExtendWith(FederationExtension.class)
class GatewayProtocolTest {

  private final Gateway gateway;
  private final Operations operations;

  GatewayProtocolTest(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
  }

  @Test
  void unknownFieldIsRejectedBeforeExecution() {
    GraphQLResponse response = raw("unknown field", "{ product(id: \"p1\") { id nope } }");
    JsonNode errors = SpecShape.assertRequestError(response);
    assertThat(errors.toString()).as("the error names the unknown field").contains("nope");
  }

  @Test
  void inaccessibleFieldsAndValuesAreNotPartOfTheApi() {
    SpecShape.assertRequestError(raw("@inaccessible field", "{ product(id: \"p1\") { id costPrice { amount } } }"));
    SpecShape.assertRequestError(raw("@inaccessible enum value",
        "{ products(filter: {category: LEGACY}) { totalCount } }"));
  }

  @Test
  void malformedJsonIsABadRequest() {
    GraphQLResponse response = gateway.post("malformed JSON", "{\"query\": \"{ product(id: \\\"p1\\\") { id } }\"",
        Map.of());
    SpecShape.assertRequestError(response);
  }

  @Test
  void wrongVariableTypeIsRejectedBeforeExecution() {
    GraphQLResponse response = gateway.anonymous(operations.get("search.graphql"), Map.of("first", "ten"));
    JsonNode errors = SpecShape.assertRequestError(response);
    assertThat(errors.toString()).as("the error names the variable").contains("first");
  }

  @Test
  void missingRequiredVariableIsRejectedBeforeExecution() {
    SpecShape.assertRequestError(gateway.anonymous(operations.get("productPage.graphql"), Map.of()));
  }

  @Test
  void unknownOperationNameIsRejected() {
    Operation cart = operations.get("cart.graphql", "Wishlist");
    SpecShape.assertRequestError(gateway.as("u30", cart, Map.of()));
  }

  @Test
  void documentWithSeveralOperationsNeedsAName() {
    Operation cart = operations.get("cart.graphql");
    SpecShape.assertRequestError(gateway.as("u30", cart, Map.of()));
  }

  @Test
  void unknownProductIdIsNullNotAnError() {
    GraphQLResponse response = raw("unknown product", "{ product(id: \"p999999\") { id name price { amount } } }");
    assertThat(response.status()).as("unknown product; got " + response.describe()).isEqualTo(200);
    assertThat(response.contentType()).as("content type").contains("json");
    assertThat(response.hasErrors()).as("unknown product has no errors; got " + response.describe()).isFalse();
    assertThat(response.data().get("product").isNull()).as("product(p999999)").isTrue();
  }

  @Test
  void queryPlanIsExposedOnRequest() {
    Operation feed = operations.get("feed.graphql");
    GraphQLResponse response = gateway.send(feed, Map.of("first", 2), Map.of("apollo-expose-query-plan", "true"));
    assertThat(response.data().at("/feed/edges").size()).as("feed data alongside the plan").isPositive();
    JsonNode plan = response.body().at("/extensions/queryPlan");
    assertThat(plan.isMissingNode() || plan.isNull()).as("extensions.queryPlan; got " + response.describe()).isFalse();
    assertThat(plan.toString()).as("the plan fetches from both subgraphs").contains("promo").contains("commerce");

    GraphQLResponse plain = gateway.anonymous(feed, Map.of("first", 2));
    assertThat(plain.body().has("extensions") && plain.body().get("extensions").has("queryPlan"))
        .as("no plan unless asked; got " + plain.describe()).isFalse();
  }

  @Test
  void getQueriesNeedACsrfHeader() {
    String query = "{ product(id: \"p1\") { id } }";
    GraphQLResponse refused = gateway.getQuery("GET without a CSRF header", query, Map.of());
    assertThat(refused.status()).as("GET without a CSRF header; got " + refused.describe()).isEqualTo(400);
    assertThat(refused.errors().get(0).at("/extensions/code").asString()).isEqualTo("CSRF_ERROR");
    assertThat(refused.body().has("data")).as("nothing ran").isFalse();

    GraphQLResponse allowed = gateway.getQuery("GET with apollo-require-preflight", query,
        Map.of("apollo-require-preflight", "true"));
    assertThat(allowed.status()).as("GET with the header; got " + allowed.describe()).isEqualTo(200);
    assertThat(allowed.data().at("/product/id").asString()).isEqualTo("p1");
  }

  @Test
  void healthAndExplorerAnswer() {
    assertThat(gateway.get("/health").statusCode()).as("GET /health").isEqualTo(200);
    HttpResponse<String> explorer = gateway.get("/");
    assertThat(explorer.statusCode()).as("GET / (explorer)").isEqualTo(200);
    assertThat(explorer.headers().firstValue("content-type").orElse("")).as("explorer content type")
        .contains("text/html");
  }

  private GraphQLResponse raw(String label, String query) {
    return gateway.send(new Operation(label, query, null), Map.of(), Map.of());
  }
}
