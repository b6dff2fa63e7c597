package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.shopfed.gateway.identity.TestIssuer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bearer tokens over real HTTP: keys from a JWKS URL (a JDK HTTP server whose keys the test rotates), WireMock as
 * the one subgraph. Every bad token is a 401 UNAUTHENTICATED with {@code WWW-Authenticate}, and no subgraph is called.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticationHttpTest {

  private static final TestIssuer ISSUER = new TestIssuer("k1");
  private static final TestIssuer IMPOSTOR = new TestIssuer("k1"); // same key ids, other keys
  private static final AtomicReference<String> served = new AtomicReference<>(ISSUER.jwks());
  private static final AtomicInteger jwksFetches = new AtomicInteger();
  private static HttpServer jwksServer;
  private static WireMockServer shop;

  @LocalServerPort
  int port;

  WebTestClient client;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws IOException {
    shop = new WireMockServer(wireMockConfig().dynamicPort());
    shop.start();
    jwksServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jwksServer.createContext("/jwks.json", exchange -> {
      jwksFetches.incrementAndGet();
      byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("content-type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    jwksServer.start();
    registry.add("gateway.supergraph",
        () -> Path.of("src/test/resources/authorization/supergraph.graphql").toAbsolutePath().toString());
    registry.add("gateway.subgraph-urls.shop", () -> shop.baseUrl() + "/shop");
    registry.add("gateway.authentication.jwks-url",
        () -> "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks.json");
    registry.add("gateway.authentication.issuer", () -> TestIssuer.ISSUER);
    registry.add("gateway.authentication.audiences", () -> TestIssuer.AUDIENCE);
    registry.add("gateway.authentication.jwks-refresh-min-interval", () -> "0s");
  }

  @AfterAll
  static void stop() {
    shop.stop();
    jwksServer.stop(0);
  }

  @BeforeEach
  void setUp() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
        .build();
    served.set(ISSUER.jwks());
    shop.resetAll();
    shop.stubFor(WireMock.post(urlEqualTo("/shop")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"data\":{\"me\":{\"name\":\"Ann\"}}}")));
  }

  static Stream<Arguments> badAuthorization() {
    Instant now = Instant.now();
    JWTClaimsSet valid = TestIssuer.claims("u1", "buyer").build();
    return Stream.of(
        Arguments.of("expired", bearer(ISSUER.rs256(TestIssuer.claims("u1", "buyer")
            .issueTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(3600))).build()))),
        Arguments.of("not yet valid", bearer(ISSUER.rs256(TestIssuer.claims("u1", "buyer")
            .notBeforeTime(Date.from(now.plusSeconds(3600))).build()))),
        Arguments.of("wrong issuer", bearer(ISSUER.rs256(TestIssuer.claims("u1", "buyer").issuer("https://evil.test").build()))),
        Arguments.of("wrong audience", bearer(ISSUER.rs256(TestIssuer.claims("u1", "buyer").audience("other").build()))),
        Arguments.of("no exp", bearer(ISSUER.rs256(TestIssuer.claims("u1", "buyer").expirationTime(null).build()))),
        Arguments.of("wrong signature (RSA)", bearer(IMPOSTOR.rs256(valid))),
        Arguments.of("wrong signature (EC)", bearer(IMPOSTOR.es256(valid))),
        Arguments.of("wrong signature (EdDSA)", bearer(IMPOSTOR.edDsa(valid))),
        Arguments.of("tampered claims", bearer(tamper(ISSUER.rs256(valid)))),
        Arguments.of("unknown kid", bearer(ISSUER.withHeader(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("nope").build(), valid))),
        Arguments.of("alg none", bearer(TestIssuer.unsigned(valid))),
        Arguments.of("HMAC with the public key", bearer(ISSUER.hmacWithPublicKey(valid))),
        Arguments.of("RS256 not accepted type", bearer(ISSUER.withHeader(new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(ISSUER.rsa.getKeyID()).type(new JOSEObjectType("secevent+jwt")).build(), valid))),
        Arguments.of("not a JWT", "Bearer not.a.jwt"),
        Arguments.of("empty bearer", "Bearer "),
        Arguments.of("token without scheme", ISSUER.rs256(valid)),
        Arguments.of("Basic credentials", "Basic dXNlcjpwYXNz"),
        Arguments.of("Token scheme", "Token " + ISSUER.rs256(valid)),
        Arguments.of("100 KB token", "Bearer " + "a".repeat(100 * 1024)),
        Arguments.of("9 KB token", "Bearer " + ISSUER.rs256(TestIssuer.claims("u1", "x".repeat(9 * 1024)).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badAuthorization")
  void badTokensAre401AndReachNoSubgraph(String name, String authorization) {
    assertUnauthenticated(post(authorization));
    assertUnauthenticated(client.get().uri("/graphql?query={query}", "{__typename}")
        .header(HttpHeaders.AUTHORIZATION, authorization).header("apollo-require-preflight", "true")
        .accept(MediaType.APPLICATION_JSON).exchange());
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void twoAuthorizationHeadersAreRefused() {
    String token = bearer(ISSUER.rs256(TestIssuer.claims("u1", null).build()));
    assertUnauthenticated(client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, token, token).bodyValue(Map.of("query", "{ me { name } }")).exchange());
    shop.verify(0, anyRequestedFor(anyUrl()));
  }

  static Stream<Arguments> goodTokens() {
    JWTClaimsSet claims = TestIssuer.claims("u7", "buyer").build();
    return Stream.of(
        Arguments.of("RS256", ISSUER.rs256(claims)),
        Arguments.of("ES256", ISSUER.es256(claims)),
        Arguments.of("EdDSA", ISSUER.edDsa(claims)),
        Arguments.of("at+jwt", ISSUER.withHeader(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ISSUER.rsa.getKeyID())
            .type(new JOSEObjectType("at+jwt")).build(), claims)),
        Arguments.of("expired within the clock skew", ISSUER.es256(TestIssuer.claims("u7", "buyer")
            .expirationTime(Date.from(Instant.now().minusSeconds(20))).build())),
        Arguments.of("scopes as a JSON array", ISSUER.rs256(TestIssuer.claims("u7", null)
            .claim("scope", List.of("buyer")).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodTokens")
  void validTokensAuthenticate(String name, String token) {
    post(bearer(token)).expectStatus().isOk().expectBody()
        .jsonPath("$.data.me.name").isEqualTo("Ann")
        .jsonPath("$.errors").doesNotExist();
    shop.verify(1, WireMock.postRequestedFor(urlEqualTo("/shop")));
  }

  @Test
  void noTokenIsAnonymous() {
    client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ me { name } }"))
        .exchange().expectStatus().isOk().expectBody()
        .jsonPath("$.data.me").isEmpty()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHORIZED_FIELD_OR_TYPE");
  }

  @Test
  void keysRotateWithoutRestart() {
    TestIssuer next = new TestIssuer("k2");
    JWTClaimsSet claims = TestIssuer.claims("u7", "buyer").build();
    post(bearer(ISSUER.rs256(claims))).expectStatus().isOk();
    assertUnauthenticated(post(bearer(next.rs256(claims))));

    served.set(next.jwks()); // the provider rotates: the next unknown kid fetches the new set
    int before = jwksFetches.get();
    post(bearer(next.rs256(claims))).expectStatus().isOk().expectBody().jsonPath("$.data.me.name").isEqualTo("Ann");
    assertThat(jwksFetches.get()).isGreaterThan(before);
    assertUnauthenticated(post(bearer(ISSUER.rs256(claims))));
  }

  private WebTestClient.ResponseSpec post(String authorization) {
    return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.AUTHORIZATION, authorization)
        .bodyValue(Map.of("query", "{ me { name } }")).exchange();
  }

  private static void assertUnauthenticated(WebTestClient.ResponseSpec response) {
    response.expectStatus().isUnauthorized()
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
        .expectBody()
        .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
        .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).startsWith("Invalid bearer token: ")
            .doesNotContain("Exception").doesNotContain("127.0.0.1"))
        .jsonPath("$.data").doesNotExist();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  /** Another payload under the original signature. */
  private static String tamper(String token) {
    String[] parts = token.split("\\.");
    String payload = com.nimbusds.jose.util.Base64URL.encode(
        TestIssuer.claims("admin", "buyer payments:write").build().toString()).toString();
    return parts[0] + "." + payload + "." + parts[2];
  }
}
