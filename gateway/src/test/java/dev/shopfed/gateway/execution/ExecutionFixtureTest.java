package dev.shopfed.gateway.execution;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.ExposureOptions;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.supergraph.Subgraph;
import dev.shopfed.gateway.supergraph.Supergraph;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executor fixtures in the style of Nadel's: each file lists the subgraph calls the gateway must make (exact request
 * body) with the canned answers WireMock gives, then the response the client must get, byte for byte in JSON order.
 */
class ExecutionFixtureTest {

  private static final Path FIXTURES = Path.of("src/test/resources/execution");
  private static final Path SUPERGRAPHS = Path.of("src/test/resources/planning");
  private static WireMockServer subgraphs;

  @BeforeAll
  static void start() {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort());
    subgraphs.start();
  }

  @AfterAll
  static void stop() {
    subgraphs.stop();
  }

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    try (Stream<Path> files = Files.list(FIXTURES)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
          .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }
  }

  @SuppressWarnings("unchecked")
  private void run(Path file) throws Exception {
    subgraphs.resetAll();
    Map<String, Object> fixture = (Map<String, Object>) Json.read(Files.readAllBytes(file));
    String sdl = Files.readString(SUPERGRAPHS.resolve((String) fixture.get("supergraph")).resolve("supergraph.graphql"));
    List<Map<String, Object>> calls = (List<Map<String, Object>>) fixture.get("calls");
    calls.forEach(this::stub);

    Map<String, URI> urls = new HashMap<>();
    for (Subgraph s : Supergraph.parse(sdl).subgraphs()) {
      urls.put(s.name(), URI.create(subgraphs.baseUrl() + "/" + s.name()));
    }
    Duration timeout = Duration.ofMillis(((Number) fixture.getOrDefault("timeoutMs", 10_000)).longValue());
    // Subgraph errors as the subgraphs wrote them: the fixtures pin merging and paths; masking has its own tests.
    GatewayOptions options = new GatewayOptions(urls, timeout, Set.of(), List.of(), 100,
        null, null, null, null, new ExposureOptions(true, true));
    try (GatewayEngine engine = GatewayEngine.load(sdl, options)) {
      Map<String, Object> variables = (Map<String, Object>) fixture.getOrDefault("variables", Map.of());
      GatewayResponse response = engine.execute(
          new GatewayRequest((String) fixture.get("query"), null, variables, Map.of(), Map.of(), false)).get();
      assertThat(Json.writeString(response.body())).isEqualTo(Json.writeString(fixture.get("response")));
    }
    for (Map<String, Object> call : calls) {
      subgraphs.verify(1, postRequestedFor(urlEqualTo("/" + call.get("subgraph")))
          .withRequestBody(equalToJson(Json.writeString(call.get("request")))));
    }
    assertThat(subgraphs.findAllUnmatchedRequests()).as("requests no fixture expected").isEmpty();
  }

  private void stub(Map<String, Object> call) {
    int status = ((Number) call.getOrDefault("status", 200)).intValue();
    String body = call.containsKey("body") ? (String) call.get("body") : Json.writeString(call.get("response"));
    subgraphs.stubFor(post(urlEqualTo("/" + call.get("subgraph")))
        .withRequestBody(equalToJson(Json.writeString(call.get("request"))))
        .willReturn(aResponse().withStatus(status).withHeader("content-type", "application/json").withBody(body)
            .withFixedDelay(((Number) call.getOrDefault("delayMs", 0)).intValue())));
  }
}
