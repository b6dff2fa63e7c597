package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * On the wire: which headers each subgraph request carries (header rules, the identity token, never the client's
 * credentials nor hop-by-hop headers) and which subgraph response headers come back, {@code cache-control} merged.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubgraphHeadersHttpTest {

  @TempDir
  static Path dir;

  private static WireMockServer subgraphs;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
    Path supergraph = BooksSupergraph.writeTo(dir.resolve("supergraph.graphql"), BooksSupergraph.SDL_WITH_REVIEWS);
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> subgraphs.baseUrl() + "/books");
    registry.add("gateway.subgraph-urls.reviews", () -> subgraphs.baseUrl() + "/reviews");
    registry.add("gateway.propagate-headers", () -> "x-trace");
    registry.add("gateway.headers.all.request[0].propagate.matching", () -> "x-locale-.*");
    registry.add("gateway.headers.all.request[1].insert.name", () -> "x-from");
    registry.add("gateway.headers.all.request[1].insert.value", () -> "gateway");
    registry.add("gateway.headers.all.request[2].propagate.named", () -> "connection");
    registry.add("gateway.headers.all.request[3].propagate.named", () -> "authorization");
    registry.add("gateway.headers.all.response", () -> "cache-control");
    registry.add("gateway.headers.subgraphs.books.request[0].propagate.named", () -> "x-tenant");
    registry.add("gateway.headers.subgraphs.books.request[0].propagate.rename", () -> "x-books-tenant");
    registry.add("gateway.headers.subgraphs.books.request[0].propagate.default", () -> "none");
    registry.add("gateway.headers.subgraphs.books.request[1].remove.named", () -> "x-from");
    registry.add("gateway.headers.subgraphs.books.request[2].remove.named", () -> "authorization");
    registry.add("gateway.headers.subgraphs.reviews.response", () -> "x-served-by");
    // The temporary development mode that let x-user-id name the buyer is gone: setting it changes nothing.
    registry.add("gateway.subgraph-identity.dev-trust-user-header", () -> "true");
  }

  @AfterAll
  static void stopSubgraphs() {
    subgraphs.stop();
  }

  @BeforeEach
  void stubs() {
    subgraphs.resetAll();
    subgraphs.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withHeader("cache-control", "public, max-age=300").withHeader("x-served-by", "books-1")
        .withBody("{\"data\":{\"book\":{\"title\":\"Dune\"}}}")));
    subgraphs.stubFor(post(urlEqualTo("/reviews")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withHeader("cache-control", "private, max-age=60").withHeader("x-served-by", "reviews-2")
        .withBody("{\"data\":{\"reviews\":[\"good\"]}}")));
  }

  private WebTestClient client() {
    return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  @Test
  void eachSubgraphGetsItsRulesAndNeverTheClientsCredentials() {
    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header("authorization", "Bearer client-secret").header("x-user-id", "u7").header("x-trace", "t-1")
        .header("x-locale-lang", "de").header("x-tenant", "acme").header("x-other", "kept-out")
        .bodyValue(Map.of("query", "{ book(id: 1) { title } reviews }"))
        .exchange()
        .expectStatus().isOk()
        .expectBody().jsonPath("$.data.book.title").isEqualTo("Dune").jsonPath("$.data.reviews[0]").isEqualTo("good");

    LoggedRequest books = only("/books");
    LoggedRequest reviews = only("/reviews");
    assertThat(books.getHeader("x-trace")).isEqualTo("t-1");
    assertThat(reviews.getHeader("x-trace")).isEqualTo("t-1");
    assertThat(books.getHeader("x-locale-lang")).isEqualTo("de");
    assertThat(books.getHeader("x-books-tenant")).isEqualTo("acme");
    assertThat(books.containsHeader("x-tenant")).isFalse();
    assertThat(reviews.containsHeader("x-books-tenant")).isFalse();
    assertThat(books.containsHeader("x-from")).as("removed for books").isFalse();
    assertThat(reviews.getHeader("x-from")).isEqualTo("gateway");
    assertThat(books.containsHeader("authorization")).as("removed for books").isFalse();
    for (LoggedRequest request : List.of(books, reviews)) {
      assertThat(request.containsHeader("x-user-id")).isFalse();
      assertThat(request.containsHeader("x-other")).isFalse();
      assertThat(request.getHeader("x-gateway-identity")).isNotBlank();
    }
  }

  @Test
  void aDefaultStandsInForAMissingHeaderAndHopByHopHeadersStayBehind() {
    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("te", "trailers")
        .header("keep-alive", "timeout=5").header("proxy-authorization", "Basic x")
        .bodyValue(Map.of("query", "{ book(id: 1) { title } }"))
        .exchange()
        .expectStatus().isOk();
    subgraphs.verify(postRequestedFor(urlEqualTo("/books")).withHeader("x-books-tenant", equalTo("none"))
        .withHeader("te", absent()).withHeader("keep-alive", absent()).withHeader("proxy-authorization", absent()));
  }

  @Test
  void chosenResponseHeadersComeBackWithTheMostRestrictiveCacheControl() {
    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: 1) { title } reviews }"))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("cache-control", "private, max-age=60")
        .expectHeader().valueEquals("x-served-by", "reviews-2"); // chosen for reviews only
  }

  @Test
  void anAnswerWithoutCacheControlMakesTheResponseNoStore() {
    subgraphs.stubFor(post(urlEqualTo("/reviews")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"reviews\":[]}}")));
    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("query", "{ book(id: 1) { title } reviews }"))
        .exchange()
        .expectStatus().isOk()
        .expectHeader().valueEquals("cache-control", "no-store");
  }

  @Test
  void theIdentityTokenIsSignedForEachSubgraphAndVerifiableWithThePublishedKeys() throws Exception {
    byte[] jwks = client().get().uri(SubgraphIdentityJwks.PATH).exchange().expectStatus().isOk()
        .expectBody().returnResult().getResponseBody();
    ECKey key = (ECKey) JWKSet.parse(new String(jwks)).getKeys().get(0);
    assertThat(key.isPrivate()).isFalse();

    client().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("x-user-id", "u7")
        .bodyValue(Map.of("query", "{ book(id: 1) { title } reviews }"))
        .exchange()
        .expectStatus().isOk();
    for (String subgraph : List.of("books", "reviews")) {
      SignedJWT token = SignedJWT.parse(only("/" + subgraph).getHeader("x-gateway-identity"));
      assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
      assertThat(token.getHeader().getKeyID()).isEqualTo(key.getKeyID());
      assertThat(token.verify(new ECDSAVerifier(key))).isTrue();
      assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("shopfed-gateway");
      assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(subgraph);
      assertThat(token.getJWTClaimsSet().getSubject())
          .as("x-user-id names nobody, even with the removed dev-trust-user-header set").isNull();
      long lifetime = token.getJWTClaimsSet().getExpirationTime().getTime()
          - token.getJWTClaimsSet().getIssueTime().getTime();
      assertThat(lifetime).isEqualTo(60_000);
    }
  }

  private static LoggedRequest only(String path) {
    List<LoggedRequest> requests = subgraphs.findAll(postRequestedFor(urlEqualTo(path)));
    assertThat(requests).hasSize(1);
    return requests.get(0);
  }
}
