package dev.shopfed.gateway.differential;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fixture's federation on the reference side: its Node subgraphs, the supergraph composed
 * from them with their real URLs, and Apollo Gateway serving it. Closing stops both processes.
 */
final class ReferenceFederation implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final List<NodeProcess> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private NodeProcess subgraphs;
  private URI gatewayUrl;
  private String supergraphSdl;

  private ReferenceFederation() {}

  static ReferenceFederation start(NodeProject node, String fixture) throws IOException {
    ReferenceFederation federation = new ReferenceFederation();
    try {
      federation.boot(node, fixture);
      return federation;
    } catch (IOException | RuntimeException e) {
      federation.close();
      throw e;
    }
  }

  private void boot(NodeProject node, String fixture) throws IOException {
    subgraphs = started(node.start(START_TIMEOUT, "subgraphs.mjs", fixture));
    Map<String, Object> urls = Json.parseObject(subgraphs.readyPayload());
    Path supergraph = Files.createTempFile("supergraph-" + fixture, ".graphql");
    try {
      List<String> args = new ArrayList<>(List.of(fixture, supergraph.toString()));
      urls.forEach((name, url) -> args.add(name + "=" + url));
      try (NodeProcess compose = node.start(START_TIMEOUT, "compose.mjs", args.toArray(String[]::new))) {
        supergraphSdl = Files.readString(supergraph);
      }
      NodeProcess gateway = started(node.start(START_TIMEOUT, "gateway.mjs", supergraph.toString(), "0"));
      gatewayUrl = URI.create(gateway.readyPayload());
    } finally {
      Files.deleteIfExists(supergraph);
    }
  }

  private NodeProcess started(NodeProcess process) {
    processes.add(process);
    return process;
  }

  String supergraphSdl() {
    return supergraphSdl;
  }

  /** Puts every subgraph's in-memory data back to its start state. */
  void reset() throws IOException {
    subgraphs.ask("reset", "RESET", Duration.ofSeconds(10));
  }

  /** Sends one operation to Apollo Gateway; the response body whatever the HTTP status. */
  Map<String, Object> execute(String query, String operationName, Map<String, Object> variables)
      throws IOException, InterruptedException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (operationName != null) {
      body.put("operationName", operationName);
    }
    body.put("variables", variables);
    HttpRequest request = HttpRequest.newBuilder(gatewayUrl)
        .timeout(REQUEST_TIMEOUT)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    try {
      return Json.parseObject(response.body());
    } catch (RuntimeException e) {
      throw new IOException("Apollo Gateway answered HTTP " + response.statusCode() + " with no JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
    processes.clear();
  }
}
