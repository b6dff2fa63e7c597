package dev.shopfed.gateway.http;

import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's routes and error handler without Spring Boot, in front of an executor the test controls. */
final class RouterHarness {

  static final int MAX_REQUEST_BYTES = 1024;

  private RouterHarness() {}

  static WebTestClient client(RequestExecutor executor, JsonMapper json) {
    return client(executor, json, true);
  }

  static WebTestClient client(RequestExecutor executor, JsonMapper json, boolean explainAllowed) {
    return client(executor, json, explainAllowed, HttpEdge.defaults());
  }

  static WebTestClient client(RequestExecutor executor, JsonMapper json, boolean explainAllowed, HttpEdge edge) {
    return client(executor, json, explainAllowed, edge, ExplorerPage.fromClasspath());
  }

  static WebTestClient client(RequestExecutor executor, JsonMapper json, boolean explainAllowed,
      ExplorerPage explorer) {
    return client(executor, json, explainAllowed, HttpEdge.defaults(), explorer);
  }

  static WebTestClient client(RequestExecutor executor, JsonMapper json, boolean explainAllowed, HttpEdge edge,
      ExplorerPage explorer) {
    return WebTestClient
        .bindToRouterFunction(GatewayRoutes.routes(
            new GraphQLEndpoint(executor, json, explorer, explainAllowed, MAX_REQUEST_BYTES, edge),
            new HealthEndpoint(executor), explorer))
        .handlerStrategies(HandlerStrategies.builder().webFilter(new RequestIds())
            .exceptionHandler(new GraphQLErrorHandler(json)).build())
        .configureClient()
        .responseTimeout(Duration.ofSeconds(30))
        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)) // GraphiQL's bundle is 3.5 MB
        .build();
  }

  static RequestExecutor readyExecutor() {
    return executor(true, request -> {
      throw new AssertionError("not expected to execute " + request.query());
    });
  }

  static RequestExecutor executor(boolean ready,
      Function<GatewayRequest, CompletableFuture<GatewayResponse>> execute) {
    return new RequestExecutor() {
      @Override
      public boolean ready() {
        return ready;
      }

      @Override
      public CompletableFuture<GatewayResponse> execute(GatewayRequest request) {
        return execute.apply(request);
      }
    };
  }
}
