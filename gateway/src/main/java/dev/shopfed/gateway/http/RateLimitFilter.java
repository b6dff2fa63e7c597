package dev.shopfed.gateway.http;

import dev.shopfed.gateway.ratelimit.RateLimitDecision;
import dev.shopfed.gateway.ratelimit.RateLimiter;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits {@code /graphql} per client: a refused request is answered 429 with {@code Retry-After} and
 * {@code REQUEST_RATE_LIMITED} before its body is read, so it costs neither parsing nor any subgraph request. One
 * HTTP request counts once, whatever it carries. CORS preflights, health checks and the explorer's assets are not
 * counted.
 */
final class RateLimitFilter implements WebFilter, Ordered {

  static final String CODE = "REQUEST_RATE_LIMITED";
  /** Early, so nothing is spent on a refused request; after the filters that only label the exchange. */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final RateLimiter limiter;
  private final ClientKey clientKey;
  private final JsonMapper json;

  RateLimitFilter(RateLimiter limiter, ClientKey clientKey, JsonMapper json) {
    this.limiter = limiter;
    this.clientKey = clientKey;
    this.json = json;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!"/graphql".equals(request.getPath().pathWithinApplication().value())
        || request.getMethod() == HttpMethod.OPTIONS) {
      return chain.filter(exchange);
    }
    CompletableFuture<RateLimitDecision> acquired = limiter.acquire(clientKey.of(request));
    Mono<RateLimitDecision> decision = Mono.fromFuture(acquired);
    if (!acquired.isDone()) {
      // Answered on the store client's I/O thread: parsing and planning must not run there.
      decision = decision.publishOn(Schedulers.parallel());
    }
    return decision.flatMap(d -> d.allowed() ? chain.filter(exchange) : refuse(exchange, d));
  }

  private Mono<Void> refuse(ServerWebExchange exchange, RateLimitDecision decision) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
    HttpHeaders headers = response.getHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
    headers.setContentType(GraphQLMediaTypes.responseType(exchange.getRequest().getHeaders()));
    String message = "Too many requests: the limit is " + limiter.limit().describe()
        + " per client (gateway.rate-limit.requests-per-second, gateway.rate-limit.burst); retry after "
        + decision.retryAfterSeconds() + " s";
    byte[] body = json.writeValueAsBytes(GraphQLMediaTypes.errorBody(CODE, message));
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
