package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.shopfed.gateway.identity.TestIssuer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @authenticated}, {@code @requiresScopes} and {@code @policy} over real HTTP: the test supergraph
 * {@code src/test/resources/authorization/}, keys from a JWKS file, the example claim policy {@code staff}
 * ({@code role=staff}), WireMock as the subgraph. Golden responses per identity; unauthorized fields never reach
 * the subgraph.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationHttpTest {

  private static final TestIssuer ISSUER = new TestIssuer("authz");
  /** What the subgraph holds; it answers whatever it is asked from this (see {@link #answer}). */
  private static final String EVERYTHING = "{\"data\":{\"products\":[{\"id\":\"1\",\"name\":\"Pen\",\"cost\":5,"
      + "\"secret\":{\"code\":\"s1\"}}],\"me\":{\"name\":\"Ann\"},\"report\":{\"rows\":3},"
      + "\"orders\":[{\"id\":\"o1\",\"total\":9}],\"pay\":true,\"like\":true}}";
  private static final String QUERY = "{ products { id name cost secret { code } } me { name } report { rows } }";
  private static WireMockServer shop;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws IOException {
    shop = new WireMockServer(wireMockConfig().dynamicPort());
    shop.start();
    Path jwks = Files.createTempFile("jwks", ".json");
    jwks.toFile().deleteOnExit();
    Files.writeString(jwks, ISSUER.jwks());
    registry.add("gateway.supergraph",
        () -> Path.of("src/test/resources/authorization/supergraph.graphql").toAbsolutePath().toString());
    registry.add("gateway.subgraph-urls.shop", () -> shop.baseUrl() + "/shop");
    registry.add("gateway.authentication.jwks-file", jwks::toString);
    registry.add("gateway.authentication.issuer", () -> TestIssuer.ISSUER);
    registry.add("gateway.authentication.audiences", () -> TestIssuer.AUDIENCE);
    registry.add("gateway.authorization.claim-policies.staff", () -> "role=staff");
  }

  @AfterAll
  static void stop() {
    shop.stop();
  }

  @BeforeEach
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    shop.resetAll();
    shop.stubFor(WireMock.post(urlEqualTo("/shop")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody(EVERYTHING)));
  }

  @Test
  void anonymousGetsThePublicFieldsAndNullsWithErrorsForTheRest() {
    post(null, QUERY).expectStatus().isOk().expectBody().json("""
        {"errors":[
          {"message":"Unauthorized field or type","path":["products","@","cost"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}},
          {"message":"Unauthorized field or type","path":["products","@","secret"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}},
          {"message":"Unauthorized field or type","path":["me"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}},
          {"message":"Unauthorized field or type","path":["report"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
         "data":{"products":[{"id":"1","name":"Pen","cost":null,"secret":null}],"me":null,"report":null}}
        """, JsonCompareMode.STRICT);
    assertThat(subgraphQueries()).containsExactly("{products{id name}}");
  }

  @Test
  void aSubjectWithoutScopesSeesAuthenticatedFieldsOnly() {
    post(token("u1", null, null), QUERY).expectStatus().isOk().expectBody().json("""
        {"errors":[
          {"message":"Unauthorized field or type","path":["products","@","cost"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}},
          {"message":"Unauthorized field or type","path":["report"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
         "data":{"products":[{"id":"1","name":"Pen","cost":null,"secret":{"code":"s1"}}],"me":{"name":"Ann"},"report":null}}
        """, JsonCompareMode.STRICT);
    assertThat(subgraphQueries()).containsExactly("{products{id name secret{code}}me{name}}");
  }

  @Test
  void scopesAreAnOrOfAnds() {
    String query = "{ products { id cost } }";
    String denied = """
        {"errors":[{"message":"Unauthorized field or type","path":["products","@","cost"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
         "data":{"products":[{"id":"1","cost":null}]}}""";
    String allowed = """
        {"data":{"products":[{"id":"1","cost":5}]}}""";
    post(token("u1", "inventory:read", null), query).expectBody().json(denied, JsonCompareMode.STRICT);
    post(token("u1", "inventory:read staff:read", null), query).expectBody().json(allowed, JsonCompareMode.STRICT);
    post(token("u1", "admin", null), query).expectBody().json(allowed, JsonCompareMode.STRICT);
    post(token("u1", "staff:read buyer", null), query).expectBody().json(denied, JsonCompareMode.STRICT);
  }

  @Test
  void policiesAreDecidedByThePolicyEvaluator() {
    String query = "{ report { rows } }";
    post(token("u1", null, "staff"), query).expectStatus().isOk().expectBody()
        .json("{\"data\":{\"report\":{\"rows\":3}}}", JsonCompareMode.STRICT);
    post(token("u1", null, "buyer"), query).expectStatus().isOk().expectBody().json("""
        {"errors":[{"message":"Unauthorized field or type","path":["report"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
         "data":{"report":null}}""", JsonCompareMode.STRICT);
  }

  @Test
  void anUnauthorizedMutationIsNotRun() {
    post(token("u1", "buyer", null), "mutation { pay(id: \"o1\") like(id: \"p1\") }").expectStatus().isOk().expectBody()
        .json("""
            {"errors":[{"message":"Unauthorized field or type","path":["pay"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
             "data":{"pay":null,"like":true}}""", JsonCompareMode.STRICT);
    assertThat(subgraphQueries()).containsExactly("mutation{like(id:\"p1\")}");
  }

  @Test
  void nothingAuthorizedSendsNothing() {
    post(null, "{ me { name } orders { id } }").expectStatus().isOk().expectBody().json("""
        {"errors":[
          {"message":"Unauthorized field or type","path":["me"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}},
          {"message":"Unauthorized field or type","path":["orders"],"extensions":{"code":"UNAUTHORIZED_FIELD_OR_TYPE"}}],
         "data":null}""", JsonCompareMode.STRICT);
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void plansAreCachedPerGrantNotPerToken() {
    post(null, QUERY).expectBody().jsonPath("$.data.me").isEmpty();
    post(token("u2", null, null), QUERY).expectBody().jsonPath("$.data.me.name").isEqualTo("Ann");
    post(null, QUERY).expectBody().jsonPath("$.data.me").isEmpty();
    assertThat(subgraphQueries()).containsExactly("{products{id name}}", "{products{id name secret{code}}me{name}}",
        "{products{id name}}");
  }

  private WebTestClient.ResponseSpec post(String token, String query) {
    WebTestClient.RequestBodySpec request = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
    if (token != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return request.bodyValue(Map.of("query", query)).exchange();
  }

  private static String token(String subject, String scope, String role) {
    JWTClaimsSet.Builder claims = TestIssuer.claims(subject, scope);
    if (role != null) {
      claims.claim("role", role);
    }
    return ISSUER.es256(claims.build());
  }

  /** The queries the subgraph got, in order, whitespace removed. */
  private static List<String> subgraphQueries() {
    JsonMapper json = JsonMapper.builder().build();
    List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events = new java.util.ArrayList<>(shop.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .map(e -> json.readTree(e.getRequest().getBodyAsString()).get("query").asString())
        .map(q -> q.replaceAll("\\s+(?=[{}(])|(?<=[{}(:,])\\s+", "").replaceAll("\\s+", " ").replace("} ", "}").trim())
        .toList();
  }
}
