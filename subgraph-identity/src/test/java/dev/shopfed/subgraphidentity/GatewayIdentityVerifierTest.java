package dev.shopfed.subgraphidentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.subgraphidentity.test.GatewayTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayIdentityVerifierTest {

  private final GatewayIdentityVerifier verifier = new GatewayIdentityVerifier(
      new GatewayIdentityProperties(GatewayTokens.JWKS, null, "shopfed-gateway", "commerce", Duration.ofSeconds(5)));

  @Test
  void acceptsTheGatewaysTokenForThisSubgraph() {
    assertThat(verifier.verify(GatewayTokens.token("commerce", "u7")))
        .contains(new VerifiedCaller("u7", Set.of("buyer", "payments:write")));
    assertThat(verifier.verify(GatewayTokens.token("commerce", null))).contains(new VerifiedCaller(null, Set.of()));
  }

  @Test
  void refusesEveryOtherToken() {
    assertThat(verifier.verify(null)).isEmpty();
    assertThat(verifier.verify("")).isEmpty();
    assertThat(verifier.verify("not.a.token")).isEmpty();
    assertThat(verifier.verify(GatewayTokens.token("promo", "u7"))).as("another subgraph's").isEmpty();
    assertThat(verifier.verify(GatewayTokens.forged("commerce", "u7"))).as("forged").isEmpty();
    assertThat(verifier.verify(GatewayTokens.withIssuer("commerce", "u7", "someone"))).as("issuer").isEmpty();
    assertThat(verifier.verify(GatewayTokens.issuedAt("commerce", "u7", Instant.now().minusSeconds(120))))
        .as("expired").isEmpty();
    assertThat(verifier.verify("x".repeat(9000))).as("oversized").isEmpty();
    assertThat(verifier.verify(unsigned())).as("alg none").isEmpty();
  }

  @Test
  void readsAJwksFileAgainWhenItChanges(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, "{\"keys\":[]}");
    GatewayIdentityVerifier rotating = new GatewayIdentityVerifier(
        new GatewayIdentityProperties(file.toString(), null, "shopfed-gateway", "commerce", Duration.ofSeconds(5)));
    String token = GatewayTokens.token("commerce", "u1");
    assertThat(rotating.verify(token)).isEmpty();
    try (var in = getClass().getClassLoader().getResourceAsStream("gateway-identity-test/jwks.json")) {
      Files.write(file, in.readAllBytes());
    }
    assertThat(rotating.verify(token)).isPresent();
  }

  @Test
  void needsKeysAndAnAudience() {
    assertThatThrownBy(() -> new GatewayIdentityVerifier(
        new GatewayIdentityProperties(null, null, "shopfed-gateway", "commerce", Duration.ZERO)))
        .hasMessageContaining("jwks-file");
    assertThatThrownBy(() -> new GatewayIdentityVerifier(
        new GatewayIdentityProperties(GatewayTokens.JWKS, null, "shopfed-gateway", null, Duration.ZERO)))
        .hasMessageContaining("audience");
  }

  private static String unsigned() {
    String valid = GatewayTokens.token("commerce", "u7");
    String payload = valid.split("\\.")[1];
    String header = java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return header + "." + payload + ".";
  }
}
