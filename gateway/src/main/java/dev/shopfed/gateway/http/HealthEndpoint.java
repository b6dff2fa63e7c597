package dev.shopfed.gateway.http;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /health}: up once a supergraph has loaded, so orchestrators route traffic only then. */
final class HealthEndpoint {

  private static final byte[] UP = "{\"status\":\"UP\"}".getBytes();
  private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes();

  private final RequestExecutor executor;

  HealthEndpoint(RequestExecutor executor) {
    this.executor = executor;
  }

  Mono<ServerResponse> check(ServerRequest request) {
    boolean up = executor.ready();
    return ServerResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(up ? UP : DOWN);
  }
}
