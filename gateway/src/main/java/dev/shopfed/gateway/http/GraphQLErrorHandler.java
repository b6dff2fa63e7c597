package dev.shopfed.gateway.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every failure that escapes the handlers (unknown paths, wrong methods, unexpected exceptions) with a
 * GraphQL-shaped JSON error instead of WebFlux's error page. No answer quotes an exception: client errors get a fixed
 * message per status (logged at debug, one line), unexpected ones are logged with their stack trace and the request
 * id, and answered 500 with only that id.
 */
final class GraphQLErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GraphQLErrorHandler.class);

  private final JsonMapper json;

  GraphQLErrorHandler(JsonMapper json) {
    this.json = json;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(failure);
    }
    ServerHttpRequest request = exchange.getRequest();
    String requestId = RequestIds.of(exchange);
    Answer answer = answer(request, failure);
    boolean internal = answer.status().is5xxServerError();
    RequestIds.log(requestId, () -> {
      if (internal) {
        log.error("{} {} failed", request.getMethod(), request.getPath(), failure);
      } else {
        log.debug("{} {} answered {}", request.getMethod(), request.getPath(), answer.status().value());
      }
    });
    response.setStatusCode(answer.status());
    response.getHeaders().setContentType(GraphQLMediaTypes.responseType(request.getHeaders()));
    if (failure instanceof MethodNotAllowedException notAllowed) {
      response.getHeaders().setAllow(notAllowed.getSupportedMethods());
    }
    byte[] body = json.writeValueAsBytes(
        GraphQLMediaTypes.errorBody(answer.code(), answer.message(), internal ? requestId : null));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private record Answer(HttpStatusCode status, String code, String message) {}

  private static Answer answer(ServerHttpRequest request, Throwable failure) {
    if (failure instanceof RejectedRequest rejected) {
      return new Answer(rejected.status(), rejected.code(), rejected.getMessage());
    }
    if (failure instanceof DataBufferLimitException) {
      return new Answer(HttpStatus.CONTENT_TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE.name(), "Request body is too large");
    }
    if (failure instanceof InvalidMediaTypeException) {
      return new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE.name(),
          "A media type header (Content-Type or Accept) is not valid");
    }
    if (failure instanceof ResponseStatusException status && !status.getStatusCode().is5xxServerError()) {
      return new Answer(status.getStatusCode(), code(status.getStatusCode()), message(request, status));
    }
    return new Answer(HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.INTERNAL_SERVER_ERROR.name(), "Internal server error");
  }

  private static String message(ServerHttpRequest request, ResponseStatusException failure) {
    return switch (failure.getStatusCode().value()) {
      case 404 -> "Not found: " + request.getMethod() + " " + request.getPath();
      case 405 -> "Method " + request.getMethod() + " is not allowed on " + request.getPath();
      // Spring's reasons may name classes (e.g. a body type): only the status's own phrase goes out.
      default -> {
        HttpStatus known = HttpStatus.resolve(failure.getStatusCode().value());
        yield known == null ? "HTTP " + failure.getStatusCode().value() : known.getReasonPhrase();
      }
    };
  }

  private static String code(HttpStatusCode status) {
    HttpStatus known = HttpStatus.resolve(status.value());
    return known == null ? "HTTP_" + status.value() : known.name();
  }
}
