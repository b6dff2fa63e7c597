package dev.shopfed.gateway.subgraphidentity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.shopfed.gateway.identity.Identity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubgraphTokensTest {

  private final SubgraphTokens tokens = new SubgraphTokens(SubgraphIdentityOptions.defaults());

  @Test
  void carriesTheSubjectAndScopesForOneSubgraph() throws Exception {
    Identity buyer = new Identity("u7", Set.of("payments:write", "buyer"), Map.of());
    var claims = SignedJWT.parse(tokens.tokenFor(buyer, "commerce")).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo("u7");
    assertThat(claims.getAudience()).containsExactly("commerce");
    assertThat(claims.getStringClaim("scope")).isEqualTo("buyer payments:write");
    assertThat(claims.getIssuer()).isEqualTo("shopfed-gateway");
  }

  @Test
  void anAnonymousTokenHasNoSubject() throws Exception {
    var claims = SignedJWT.parse(tokens.tokenFor(Identity.ANONYMOUS, "promo")).getJWTClaimsSet();
    assertThat(claims.getSubject()).isNull();
    assertThat(claims.getClaim("scope")).isNull();
  }

  @Test
  void reusesATokenPerIdentityAndSubgraph() {
    Identity buyer = new Identity("u7", Set.of(), Map.of());
    String first = tokens.tokenFor(buyer, "commerce");
    assertThat(tokens.tokenFor(new Identity("u7", Set.of(), Map.of("other", 1)), "commerce")).isSameAs(first);
    assertThat(tokens.tokenFor(buyer, "promo")).isNotEqualTo(first);
    assertThat(tokens.tokenFor(new Identity("u8", Set.of(), Map.of()), "commerce")).isNotEqualTo(first);
  }
}
