package dev.shopfed.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gateway engine behind the JDK's built-in HTTP server, for load tests of the engine without the gateway's own HTTP
 * layer (bench/run.sh's {@code ours-engine}): compare it with {@code ours} to see what the HTTP layer costs.
 * Not a product: no GraphiQL, no content negotiation, no limits.
 *
 * <pre>java -cp benchmarks.jar dev.shopfed.bench.EngineServer --supergraph FILE --port N [--threads N]</pre>
 */
public final class EngineServer {

  private EngineServer() {}

  public static void main(String[] args) throws IOException {
    String supergraph = null;
    int port = 4180;
    int threads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--supergraph" -> supergraph = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (supergraph == null) {
      throw new IllegalArgumentException("--supergraph FILE is required");
    }
    GatewayEngine engine = GatewayEngine.load(Files.readString(Path.of(supergraph)), GatewayOptions.defaults());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
    server.setExecutor(pool);
    server.createContext("/health", exchange -> send(exchange, 200, "{\"status\":\"UP\"}".getBytes()));
    server.createContext("/graphql", exchange -> {
      try {
        if (!exchange.getRequestMethod().equals("POST")) {
          send(exchange, 405, "{\"errors\":[{\"message\":\"POST only\"}]}".getBytes());
          return;
        }
        GatewayRequest request = request(exchange);
        engine.execute(request).whenComplete((response, failure) -> {
          try {
            if (failure != null) {
              send(exchange, 500, Json.write(Map.of("errors", List.of(Map.of("message", String.valueOf(failure))))));
            } else {
              int status = response.outcome() == GatewayResponse.Outcome.REQUEST_ERROR ? 400 : 200;
              send(exchange, status, Json.write(response.body()));
            }
          } catch (IOException e) {
            exchange.close();
          }
        });
      } catch (RuntimeException e) {
        send(exchange, 400, Json.write(Map.of("errors", List.of(Map.of("message", String.valueOf(e.getMessage()))))));
      }
    });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop(0);
      pool.shutdownNow();
      engine.close();
    }));
    System.out.println("engine server on http://127.0.0.1:" + port + "/graphql (" + threads + " threads)");
  }

  @SuppressWarnings("unchecked")
  private static GatewayRequest request(HttpExchange exchange) throws IOException {
    byte[] bytes = exchange.getRequestBody().readAllBytes();
    Map<String, Object> body = (Map<String, Object>) Json.read(bytes);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
    Object variables = body.get("variables");
    Object extensions = body.get("extensions");
    boolean explain = "true".equals(exchange.getRequestHeaders().getFirst("apollo-expose-query-plan"));
    return new GatewayRequest((String) body.get("query"), (String) body.get("operationName"),
        variables instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of(),
        extensions instanceof Map<?, ?> e ? (Map<String, Object>) e : Map.of(), headers, explain);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
