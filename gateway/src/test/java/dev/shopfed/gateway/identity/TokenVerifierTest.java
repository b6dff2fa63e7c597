package dev.shopfed.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier with keys from a JWKS file: rotation by rewriting the file, claims to identity, settings refused. */
class TokenVerifierTest {

  @TempDir
  Path dir;

  @Test
  void aRewrittenJwksFileRotatesTheKeys() throws Exception {
    TestIssuer first = new TestIssuer("one");
    TestIssuer second = new TestIssuer("two");
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, first.jwks());
    TokenVerifier verifier = TokenVerifier.create(options(jwks));
    String firstToken = first.rs256(TestIssuer.claims("u1", "a b").build());
    String secondToken = second.es256(TestIssuer.claims("u2", null).build());

    assertThat(verifier.verify(firstToken).subject()).isEqualTo("u1");
    assertThatThrownBy(() -> verifier.verify(secondToken)).isInstanceOf(InvalidTokenException.class);

    Files.writeString(jwks, second.jwks());
    Files.setLastModifiedTime(jwks, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(verifier.verify(secondToken).subject()).isEqualTo("u2");
    assertThatThrownBy(() -> verifier.verify(firstToken)).isInstanceOf(InvalidTokenException.class);

    Files.writeString(jwks, "not json");
    Files.setLastModifiedTime(jwks, FileTime.from(Instant.now().plusSeconds(10)));
    assertThat(verifier.verify(secondToken).subject()).as("a broken file keeps the last keys").isEqualTo("u2");
  }

  @Test
  void claimsBecomeTheIdentity() throws Exception {
    TestIssuer issuer = new TestIssuer("c");
    Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, issuer.jwks());
    Identity identity = TokenVerifier.create(options(jwks))
        .verify(issuer.edDsa(TestIssuer.claims("u9", " buyer  payments:write ").claim("role", "staff").build()));
    assertThat(identity.subject()).isEqualTo("u9");
    assertThat(identity.scopes()).isEqualTo(Set.of("buyer", "payments:write"));
    assertThat(identity.claims()).containsEntry("role", "staff").containsEntry("iss", TestIssuer.ISSUER)
        .containsKey("exp");
  }

  @Test
  void symmetricAlgorithmsCannotBeConfigured() {
    assertThatThrownBy(() -> TokenVerifier.create(new AuthenticationOptions(null, dir.resolve("x"), null, null, null,
        null, null, List.of("HS256"), 0, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HS256");
  }

  private static AuthenticationOptions options(Path jwks) {
    return new AuthenticationOptions(null, jwks, TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), null, null, null, null,
        0, null);
  }
}
