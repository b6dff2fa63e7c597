package dev.shopfed.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.SubgraphClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Without telemetry (the default) the engine sends no trace context and keeps no cache statistics. */
class NoTelemetryTest {

  private static final String SDL = """
      schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) {
        query: Query
      }
      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
      scalar join__FieldSet
      scalar link__Import
      enum join__Graph { BOOKS @join__graph(name: "books", url: "http://books.invalid/graphql") }
      enum link__Purpose { SECURITY EXECUTION }
      type Query @join__type(graph: BOOKS) { hello: String }
      """;

  @Test
  void noTraceparentGoesToTheSubgraphs() throws Exception {
    List<Map<String, List<String>>> sent = new CopyOnWriteArrayList<>();
    SubgraphClient subgraphs = (subgraph, body, headers) -> {
      sent.add(headers);
      return CompletableFuture.completedFuture(new SubgraphClient.SubgraphResponse(200,
          "{\"data\":{\"hello\":\"hi\"}}".getBytes(StandardCharsets.UTF_8)));
    };
    try (GatewayEngine engine = GatewayEngine.load(SDL, GatewayOptions.defaults(), subgraphs)) {
      GatewayRequest request = new GatewayRequest("{ hello }", null, Map.of(), Map.of(),
          Map.of("traceparent", List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")), false);
      assertThat(engine.execute(request).get().body()).containsEntry("data", Map.of("hello", "hi"));
    }
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0)).doesNotContainKey("traceparent");
  }
}
