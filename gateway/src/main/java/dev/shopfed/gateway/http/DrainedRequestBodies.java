package dev.shopfed.gateway.http;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Reads the (empty) body of a GET or HEAD request to its end before handling it. Without this, on a keep-alive
 * connection, a GET that followed a request answered from another thread than the connection's (after a subgraph
 * fetch) was now and then never answered: about one time in twenty in {@code KeepAliveGetTest}, never once the body
 * is read first.
 */
final class DrainedRequestBodies implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    HttpMethod method = exchange.getRequest().getMethod();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return chain.filter(exchange);
    }
    return exchange.getRequest().getBody().doOnNext(DataBufferUtils::release)
        .then(Mono.defer(() -> chain.filter(exchange)));
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}
