package dev.shopfed.gateway.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.identity.Identity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The authorization stage in the engine: reject mode, the example claim policy, a throwing evaluator. */
class AuthorizationTest {

  private final List<String> sent = new ArrayList<>();
  private final SubgraphClient shop = (subgraph, body, headers) -> {
    sent.add(new String(body, StandardCharsets.UTF_8));
    return CompletableFuture.completedFuture(new SubgraphClient.SubgraphResponse(200,
        "{\"data\":{\"products\":[{\"id\":\"1\",\"name\":\"Pen\"}],\"report\":{\"rows\":3}}}".getBytes(StandardCharsets.UTF_8)));
  };

  @Test
  void rejectModeRefusesTheWholeRequestBeforeAnyFetch() throws Exception {
    GatewayEngine engine = engine(new AuthorizationOptions(true, PolicyEvaluator.DENY_ALL));
    GatewayResponse response = run(engine, "{ products { id name } me { name } }", Identity.ANONYMOUS);
    assertThat(response.body()).containsEntry("data", null);
    assertThat(response.body().get("errors")).isEqualTo(List.of(Map.of("message", "Unauthorized field or type",
        "path", List.of("me"), "extensions", Map.of("code", "UNAUTHORIZED_FIELD_OR_TYPE"))));
    assertThat(response.outcome()).isEqualTo(GatewayResponse.Outcome.EXECUTED);
    assertThat(sent).isEmpty();

    GatewayResponse allowed = run(engine, "{ products { id name } }", Identity.ANONYMOUS);
    assertThat(allowed.body()).doesNotContainKey("errors");
    assertThat(sent).hasSize(1);
  }

  @Test
  void theExampleClaimPolicyMatchesAStringOrAListClaim() {
    ClaimPolicyEvaluator policies = new ClaimPolicyEvaluator(
        Map.of("staff", ClaimPolicyEvaluator.ClaimValue.parse("staff", "role=staff")));
    assertThat(policies.allows("staff", identity(Map.of("role", "staff")))).isTrue();
    assertThat(policies.allows("staff", identity(Map.of("role", List.of("buyer", "staff"))))).isTrue();
    assertThat(policies.allows("staff", identity(Map.of("role", "buyer")))).isFalse();
    assertThat(policies.allows("staff", Identity.ANONYMOUS)).isFalse();
    assertThat(policies.allows("admin", identity(Map.of("role", "staff")))).isFalse();
  }

  @Test
  void aFailingEvaluatorDenies() throws Exception {
    GatewayEngine engine = engine(new AuthorizationOptions(false, (policy, identity) -> {
      throw new IllegalStateException("policy store down");
    }));
    GatewayResponse response = run(engine, "{ report { rows } }", identity(Map.of("role", "staff")));
    assertThat(response.body()).containsEntry("data", java.util.Collections.singletonMap("report", null));
    assertThat(response.body().toString()).contains("UNAUTHORIZED_FIELD_OR_TYPE").doesNotContain("policy store");
    assertThat(sent).isEmpty();
  }

  @Test
  void grantsHoldOnlyWhatTheSupergraphAsksFor() throws Exception {
    GatewayEngine engine = engine(AuthorizationOptions.defaults());
    Authorization authorization = new Authorization(engine.supergraph(), AuthorizationOptions.defaults());
    Grant a = authorization.grant(new Identity("u1", Set.of("buyer", "orders:read"), Map.of("jti", "1")));
    Grant b = authorization.grant(new Identity("u2", Set.of("orders:read", "other"), Map.of("jti", "2")));
    assertThat(a).isEqualTo(b).isEqualTo(new Grant(true, Set.of("orders:read"), Set.of()));
  }

  private static Identity identity(Map<String, Object> claims) {
    return new Identity("u1", Set.of(), claims);
  }

  private GatewayEngine engine(AuthorizationOptions authorization) throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/authorization/supergraph.graphql"));
    return GatewayEngine.load(sdl, GatewayOptions.defaults().withAuthorization(authorization), shop);
  }

  private static GatewayResponse run(GatewayEngine engine, String query, Identity identity) throws Exception {
    return engine.execute(new GatewayRequest(query, null, Map.of(), Map.of(), Map.of(), false, false, false, null, identity)).get();
  }
}
