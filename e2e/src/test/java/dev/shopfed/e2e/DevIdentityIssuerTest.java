package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The development issuer over HTTP: its tokens verify against its JWKS, only seeded buyers get one, CORS. */
class DevIdentityIssuerTest {

  private static final String GATEWAY_ORIGIN = "http://localhost:4999";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private DevIdentityIssuer issuer;

  @BeforeEach
  void start() {
    issuer = DevIdentityIssuer.start(DevIdentityIssuer.gatewayOrigins(4999));
  }

  @AfterEach
  void stop() {
    issuer.close();
  }

  @Test
  void tokenVerifiesAgainstTheServedJwksWithTheAgreedClaims() throws Exception {
    HttpResponse<String> response = get("/token?sub=u7");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isEqualTo(3600);

    JWTClaimsSet claims = verify(body.get("access_token").asString(), servedKeys());
    assertThat(claims.getIssuer()).isEqualTo(issuer.issuer().toString()).startsWith("http://127.0.0.1:");
    assertThat(claims.getSubject()).isEqualTo("u7");
    assertThat(claims.getAudience()).containsExactly("shopfed");
    assertThat(claims.getStringClaim("scope")).isEqualTo("buyer payments:write");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(3_600_000);
    assertThat(claims.getJWTID()).isNotBlank();
  }

  @Test
  void headerNamesTheServedKeyAndTheAlgorithm() throws Exception {
    SignedJWT jwt = SignedJWT.parse(issuer.token("u1"));
    JWKSet served = servedKeys();
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(served.getKeyByKeyId(jwt.getHeader().getKeyID())).as("the kid is in the JWKS").isNotNull();
  }

  @Test
  void jwksHoldsOnlyThePublicKey() throws Exception {
    HttpResponse<String> response = get("/.well-known/jwks.json");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode keys = JSON.readTree(response.body()).get("keys");
    assertThat(keys).hasSize(1);
    assertThat(keys.get(0).get("kty").asString()).isEqualTo("EC");
    assertThat(keys.get(0).has("d")).as("private part").isFalse();
    assertThat(servedKeys().getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
  }

  @Test
  void everySeededBuyerGetsATokenForThemselves() throws Exception {
    JWKSet keys = servedKeys();
    Set<String> subjects = new HashSet<>();
    for (int n = 1; n <= DevIdentityIssuer.BUYERS; n++) {
      HttpResponse<String> response = get("/token?sub=u" + n);
      assertThat(response.statusCode()).as("u" + n).isEqualTo(200);
      subjects.add(verify(JSON.readTree(response.body()).get("access_token").asString(), keys).getSubject());
    }
    assertThat(subjects).hasSize(50).contains("u1", "u50");
  }

  @Test
  void anythingButASeededBuyerIsRefusedWithAJsonError() throws Exception {
    List<String> queries = List.of("sub=u51", "sub=u0", "sub=u01", "sub=U7", "sub=u7%20", "sub=", "sub=%C3%28", "sub=u7%00", "sub=%E2%98%83",
        "sub=u-1", "sub=u100", "sub=admin", "sub=u7&sub=u8", "", "subject=u7",
        "sub=" + "u".repeat(5000));
    for (String query : queries) {
      HttpResponse<String> response = get("/token?" + query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type")).as(query).hasValue("application/json");
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.get("error").asString()).as(query).isEqualTo("invalid_request");
      assertThat(error.get("error_description").asString()).as(query).contains("u1..u50");
      assertThat(response.body()).as(query).doesNotContain("access_token").doesNotContain("admin");
    }
    assertThatThrownBy(() -> issuer.token("u51")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void otherPathsAndMethodsAreRefused() throws Exception {
    assertThat(get("/").statusCode()).isEqualTo(404);
    assertThat(get("/tokens?sub=u1").statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(issuer.tokenUrl())
        .POST(HttpRequest.BodyPublishers.ofString("sub=u1")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("allow")).hasValue("GET, OPTIONS");
    assertThat(JSON.readTree(post.body()).get("error").asString()).isEqualTo("method_not_allowed");
  }

  @Test
  void theGatewaysExplorerMayReadTokensAndOtherOriginsMayNot() throws Exception {
    for (String origin : DevIdentityIssuer.gatewayOrigins(4999)) {
      HttpResponse<String> allowed = get("/token?sub=u3", origin);
      assertThat(allowed.statusCode()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("access-control-allow-origin")).as(origin).hasValue(origin);
      assertThat(allowed.headers().allValues("vary")).contains("Origin");
    }
    HttpResponse<String> other = get("/token?sub=u3", "http://evil.example");
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    HttpResponse<String> otherPort = get("/token?sub=u3", "http://localhost:5000");
    assertThat(otherPort.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  @Test
  void preflightFromTheGatewayIsAnswered() throws Exception {
    HttpResponse<String> allowed = preflight(GATEWAY_ORIGIN);
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue(GATEWAY_ORIGIN);
    assertThat(allowed.headers().firstValue("access-control-allow-methods")).hasValue("GET");

    HttpResponse<String> refused = preflight("http://evil.example");
    assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(refused.headers().firstValue("access-control-allow-methods")).isEmpty();
  }

  @Test
  void anotherIssuersTokensDoNotVerifyHere() throws Exception {
    try (DevIdentityIssuer other = DevIdentityIssuer.start(List.of())) {
      String foreign = other.token("u7");
      assertThatThrownBy(() -> verify(foreign, servedKeys())).isInstanceOf(BadJOSEException.class);
    }
  }

  @Test
  void lifetimeFollowsTheClock() throws Exception {
    Instant now = Instant.parse("2030-01-02T03:04:05Z");
    try (DevIdentityIssuer fixed = DevIdentityIssuer.start(List.of(), Clock.fixed(now, ZoneOffset.UTC))) {
      JWTClaimsSet claims = SignedJWT.parse(fixed.token("u2")).getJWTClaimsSet();
      assertThat(claims.getIssueTime().toInstant()).isEqualTo(now);
      assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(now);
      assertThat(claims.getExpirationTime().toInstant()).isEqualTo(now.plus(Duration.ofHours(1)));
    }
  }

  @Test
  void gatewayIsToldWhomToTrustAndWhereToSignIn() {
    assertThat(issuer.gatewayArguments()).containsExactly(
        "--gateway.authentication.jwks-url=" + issuer.issuer() + "/.well-known/jwks.json",
        "--gateway.authentication.issuer=" + issuer.issuer(),
        "--gateway.authentication.audiences=shopfed",
        "--gateway.explorer.sign-in-url=" + issuer.issuer() + "/token");
  }

  @Test
  void closedIssuerNoLongerAnswers() {
    URI jwks = issuer.jwksUrl();
    issuer.close();
    issuer.close(); // twice is harmless
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(jwks).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
  }

  private JWTClaimsSet verify(String token, JWKSet keys) throws Exception {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("shopfed",
        new JWTClaimsSet.Builder().issuer(issuer.issuer().toString()).build(), Set.of("sub", "exp", "iat")));
    return processor.process(token, null);
  }

  private JWKSet servedKeys() throws Exception {
    return JWKSet.parse(get("/.well-known/jwks.json").body());
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery, String origin) throws IOException, InterruptedException {
    return http.send(request(pathAndQuery).header("Origin", origin).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
    return http.send(request("/token").header("Origin", origin).header("Access-Control-Request-Method", "GET")
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(issuer.issuer() + pathAndQuery)).timeout(Duration.ofSeconds(10));
  }
}
