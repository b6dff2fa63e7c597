package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operations;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may ask what, end to end: a buyer is who their token says, never who a header claims; an anonymous request
 * gets the buyer's fields null with UNAUTHORIZED_FIELD_OR_TYPE; a token that does not verify is refused before
 * anything runs; and the subgraphs answer nobody but the gateway.
 */
@ExtendWith(FederationExtension.class)
class IdentityTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** What an attacker asks a subgraph for: buyer data, and commerce's @inaccessible cost price. */
  private static final List<String> DIRECT_QUERIES = List.of(
      "{ me { id cart { id } orders { id } addresses { street } } }",
      "{ product(id: \"p1\") { id costPrice } }",
      "{ _entities(representations: [{__typename: \"User\", id: \"u7\"}]) { ... on User { id } } }",
      "{ __typename }");

  @Test
  void anonymousGetsTheBuyersFieldsNullWithUnauthorized(Gateway gateway, Operations operations) {
    for (String[] read : new String[][] {{"cart.graphql", "Cart"}, {"orderHistory.graphql", "OrderHistory"}}) {
      GraphQLResponse response = gateway.anonymous(operations.get(read[0], read[1]), Map.of());
      assertThat(response.dataWithout("me").get("me").isNull()).as(response.describe()).isTrue();
      assertThat(errorAt(response, "me").path("message").asString()).as("says nothing of the data")
          .doesNotContain("cart-").doesNotContain("u1");
    }
  }

  @Test
  void aPublicScreenNeedsNoSignIn(Gateway gateway, Operations operations) {
    GraphQLResponse response = gateway.anonymous(operations.get("feed.graphql"), Map.of("first", 2));
    assertThat(response.hasErrors()).as(response.describe()).isFalse();
    assertThat(response.data().path("feed").path("edges")).hasSize(2);
  }

  @Test
  void aClaimedUserHeaderIsNobody(Gateway gateway, Operations operations) {
    GraphQLResponse response = gateway.send(operations.get("cart.graphql", "Cart"), Map.of(),
        Map.of("x-user-id", "u7"));
    assertThat(response.dataWithout("me").get("me").isNull()).as("x-user-id alone: " + response.describe()).isTrue();

    // with a token, the header changes nothing: the buyer is the token's subject
    Map<String, String> headers = new HashMap<>(gateway.tokens().header("u3"));
    headers.put("x-user-id", "u7");
    GraphQLResponse signedIn = gateway.send(operations.get("cart.graphql", "Cart"), Map.of(), headers);
    assertThat(signedIn.data().at("/me/id").asString()).as(signedIn.describe()).isEqualTo("u3");
  }

  @Test
  void aTokenThatDoesNotVerifyIsRefusedWithUnauthenticated(Gateway gateway, Operations operations) {
    String token = gateway.tokens().of("u7");
    int signature = token.lastIndexOf('.') + 1;
    String tampered = token.substring(0, signature) + (token.charAt(signature) == 'A' ? 'B' : 'A')
        + token.substring(signature + 1);
    String otherIssuer;
    try (DevIdentityIssuer stranger = DevIdentityIssuer.start(List.of())) {
      otherIssuer = stranger.token("u7");
    }
    for (String bad : List.of(tampered, otherIssuer, "not-a-jwt")) {
      GraphQLResponse response = gateway.send(operations.get("cart.graphql", "Cart"), Map.of(),
          Map.of("Authorization", "Bearer " + bad));
      assertThat(response.status()).as(response.describe()).isEqualTo(401);
      assertThat(response.body().path("errors").path(0).path("extensions").path("code").asString())
          .as(response.describe()).isEqualTo("UNAUTHENTICATED");
      assertThat(response.body().has("data")).as("nothing executed: " + response.describe()).isFalse();
    }
  }

  @Test
  void theSubgraphsAnswerNobodyButTheGateway(LocalFederation federation, Gateway gateway) throws Exception {
    String buyersToken = gateway.tokens().of("u7");
    List<Map<String, String>> credentials = List.of(
        Map.of(),
        Map.of("x-user-id", "u7"),
        Map.of("Authorization", "Bearer " + buyersToken),
        // the buyer's token is not the gateway's: other key, issuer and audience
        Map.of("x-gateway-identity", buyersToken),
        Map.of("x-gateway-identity", "not-a-jwt"));
    for (URI subgraph : List.of(federation.commerceUrl(), federation.promoUrl())) {
      for (Map<String, String> headers : credentials) {
        for (String query : DIRECT_QUERIES) {
          HttpResponse<String> response = post(subgraph, query, headers);
          String what = "POST " + subgraph + " " + headers.keySet() + " " + query + " -> " + response.statusCode()
              + " " + response.body();
          assertThat(response.statusCode()).as(what).isEqualTo(401);
          JsonNode body = JSON.readTree(response.body());
          assertThat(body.path("errors").path(0).path("extensions").path("code").asString()).as(what)
              .isEqualTo("UNAUTHENTICATED");
          assertThat(body.has("data")).as(what).isFalse();
          assertThat(response.body()).as(what).doesNotContain("costPrice\":").doesNotContain("cart-u7");
        }
      }
    }
  }

  @Test
  void theSubgraphsListenOnLoopbackOnly(LocalFederation federation) throws IOException {
    InetAddress outward = outwardAddress();
    Assumptions.assumeTrue(outward != null, "this machine has no non-loopback IPv4 address to try");
    for (URI subgraph : List.of(federation.commerceUrl(), federation.promoUrl())) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(outward, subgraph.getPort()), 5000);
        throw new AssertionError("port " + subgraph.getPort() + " answers on " + outward.getHostAddress());
      } catch (ConnectException expected) {
        // refused: bound to 127.0.0.1 only
      }
    }
  }

  private static InetAddress outwardAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return address;
        }
      }
    }
    return null;
  }

  private static JsonNode errorAt(GraphQLResponse response, String field) {
    for (JsonNode error : response.errors()) {
      if (error.path("path").size() == 1 && error.path("path").path(0).asString().equals(field)) {
        return error;
      }
    }
    throw new AssertionError("no error at " + field + ": " + response.describe());
  }

  private static HttpResponse<String> post(URI url, String query, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
