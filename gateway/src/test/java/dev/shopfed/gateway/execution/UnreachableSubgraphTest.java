package dev.shopfed.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.supergraph.Subgraph;
import dev.shopfed.gateway.supergraph.Supergraph;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A subgraph whose port nothing listens on: the client learns which subgraph, never its host or port. */
class UnreachableSubgraphTest {

  @Test
  void connectionRefusedNamesTheSubgraphOnly() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/planning/basic/supergraph.graphql"));
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, URI> urls = new HashMap<>();
    for (Subgraph s : Supergraph.parse(sdl).subgraphs()) {
      urls.put(s.name(), URI.create("http://127.0.0.1:" + closedPort + "/" + s.name()));
    }
    try (GatewayEngine engine = GatewayEngine.load(sdl, GatewayOptions.defaults().withSubgraphUrls(urls))) {
      GatewayRequest request = new GatewayRequest("{ me { name } }", null, Map.of(), Map.of(), Map.of(), false, false,
          false, "r-77");
      Map<String, Object> body = engine.execute(request).get(30, TimeUnit.SECONDS).body();

      assertThat(body.get("errors")).isEqualTo(List.of(Map.of("message", "Subgraph 'accounts' is unreachable",
          "path", List.of("me"), "extensions", Map.of("code", "INTERNAL_SERVER_ERROR", "serviceName", "accounts", "requestId", "r-77"))));
      assertThat(String.valueOf(body)).doesNotContain("127.0.0.1").doesNotContain(String.valueOf(closedPort));
    }
  }
}
