package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.defer.IncrementalResponse;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.SubgraphClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code @defer} over real HTTP (a random port): the multipart/mixed framing Apollo Client reads, the first part on
 * the wire while the deferred fetch is still held by its subgraph, and one JSON answer for a client that does not
 * accept multipart.
 */
class DeferMultipartHttpTest {

  private static final String QUERY = "{\"query\":\"{ product(upc: \\\"1\\\") { name ... @defer(label: \\\"price\\\") { price } } }\"}";
  private static final String APOLLO_CLIENT_ACCEPT = "multipart/mixed;deferSpec=20220824,application/json";
  private static final String PART = "\r\ncontent-type: application/json; charset=utf-8\r\n\r\n";
  private static final Duration BOUND = Duration.ofSeconds(10);

  private final CompletableFuture<Void> priceGate = new CompletableFuture<>();
  private GatewayEngine engine;
  private DisposableServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build();

  @BeforeEach
  void start() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/planning/basic/supergraph.graphql"));
    engine = GatewayEngine.load(sdl, GatewayOptions.defaults(), (subgraph, body, headers) -> {
      String text = new String(body, StandardCharsets.UTF_8);
      if (text.contains("price") && text.contains("name")) {
        return answer("{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
      }
      if (text.contains("price")) {
        return priceGate.thenCompose(open -> answer("{\"data\":{\"product\":{\"price\":12}}}"));
      }
      return answer("{\"data\":{\"product\":{\"name\":\"Mug\"}}}");
    });
    JsonMapper json = JsonMapper.builder().build();
    RequestExecutor executor = new RequestExecutor() {
      @Override
      public boolean ready() {
        return true;
      }

      @Override
      public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
        return engine.execute(request);
      }

      @Override
      public CompletableFuture<IncrementalResponse> executeIncrementally(GatewayRequest request) {
        return engine.executeIncrementally(request);
      }
    };
    ExplorerPage explorer = ExplorerPage.fromClasspath();
    HttpHandler handler = RouterFunctions.toHttpHandler(
        GatewayRoutes.routes(new GraphQLEndpoint(executor, json, explorer, true, 1 << 20, HttpEdge.defaults()),
            new HealthEndpoint(executor), explorer),
        HandlerStrategies.builder().webFilter(new RequestIds()).exceptionHandler(new GraphQLErrorHandler(json)).build());
    server = HttpServer.create().host("127.0.0.1").port(0).handle(new ReactorHttpHandlerAdapter(handler)).bindNow();
  }

  @AfterEach
  void stop() {
    priceGate.complete(null);
    server.disposeNow();
    engine.close();
  }

  private static CompletableFuture<SubgraphClient.SubgraphResponse> answer(String body) {
    return CompletableFuture.completedFuture(new SubgraphClient.SubgraphResponse(200, body.getBytes()));
  }

  private HttpRequest request(String accept) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
        .timeout(BOUND)
        .header("content-type", "application/json")
        .header("accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(QUERY))
        .build();
  }

  @Test
  void firstPartIsOnTheWireBeforeTheDeferredFetchAnswers() throws Exception {
    HttpResponse<InputStream> response = http.send(request(APOLLO_CLIENT_ACCEPT), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type"))
        .hasValue("multipart/mixed;boundary=\"graphql\";deferSpec=20220824");

    String first = "\r\n--graphql" + PART + "{\"data\":{\"product\":{\"name\":\"Mug\"}},\"hasNext\":true}\r\n--graphql";
    try (InputStream body = response.body()) {
      String received = CompletableFuture.supplyAsync(() -> read(body, first.length()))
          .get(BOUND.toSeconds(), TimeUnit.SECONDS);
      assertThat(received).as("the first part, while the price fetch is held").isEqualTo(first);

      priceGate.complete(null);
      String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(rest).isEqualTo(PART
          + "{\"hasNext\":false,\"incremental\":[{\"data\":{\"price\":12},\"path\":[\"product\"],\"label\":\"price\"}]}"
          + "\r\n--graphql--\r\n");
    }
  }

  @Test
  void clientWithoutMultipartGetsOneJsonAnswer() throws Exception {
    HttpResponse<String> response = http.send(request("application/json"), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(response.body()).isEqualTo("{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
  }

  /** Exactly {@code length} bytes (UTF-8, ASCII here), as they arrive. */
  private static String read(InputStream in, int length) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (out.size() < length) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        out.write(b);
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
