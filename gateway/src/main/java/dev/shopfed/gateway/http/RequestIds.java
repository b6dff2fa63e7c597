package dev.shopfed.gateway.http;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, answered in {@code x-request-id} and cited by its errors and log lines. A client's own
 * id is kept when it is well-formed (so a trace can cross the gateway); anything else is replaced, never echoed.
 */
final class RequestIds implements WebFilter, Ordered {

  static final String HEADER = "x-request-id";
  /** The MDC key of log lines about a request; the log pattern prints it. */
  static final String MDC_KEY = "requestId";

  private static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
    String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newId();
    exchange.getAttributes().put(ATTRIBUTE, id);
    exchange.getResponse().getHeaders().set(HEADER, id);
    return chain.filter(exchange);
  }

  /** First, so that every answer (refusals and 404s included) carries the id. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** The exchange's id; one is made up (and answered) when the filter did not run. */
  static String of(ServerWebExchange exchange) {
    String id = exchange.getAttribute(ATTRIBUTE);
    if (id == null) {
      id = newId();
      exchange.getAttributes().put(ATTRIBUTE, id);
      exchange.getResponse().getHeaders().set(HEADER, id);
    }
    return id;
  }

  /** Runs {@code logging} with the request id in the MDC, so the line cites it. */
  static void log(String id, Runnable logging) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
      logging.run();
    }
  }

  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format("%016x%016x", random.nextLong(), random.nextLong());
  }
}
