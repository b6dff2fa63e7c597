package dev.shopfed.gateway.traffic;

import dev.shopfed.gateway.execution.HttpSubgraphClient;
import java.time.Duration;

/**
 * How the gateway talks to one subgraph ({@code gateway.subgraphs.<name|all>.*}).
 *
 * @param connectTimeout        how long opening a connection may take
 * @param requestTimeout        how long one request may take (less when the request's deadline is nearer)
 * @param maxConcurrentRequests requests in flight to the subgraph at once; more wait for a free one (the JDK client
 *                              has no pool size per host: with HTTP/1.1 this also bounds its open connections)
 * @param http2                 prefer HTTP/2 where the subgraph offers it
 * @param maxResponseBytes      the largest answer read from one request
 * @param breaker               its circuit breaker
 * @param retry                 retries of query fetches
 * @param deduplicate           identical query fetches in flight at once share one request ({@link SharedFetches})
 */
public record SubgraphTraffic(Duration connectTimeout, Duration requestTimeout, int maxConcurrentRequests,
    boolean http2, long maxResponseBytes, BreakerOptions breaker, RetryOptions retry, boolean deduplicate) {

  public SubgraphTraffic {
    if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative()
        || requestTimeout.isZero()) {
      throw new IllegalArgumentException("subgraph timeouts must be positive");
    }
    if (maxConcurrentRequests < 1 || maxResponseBytes < 1) {
      throw new IllegalArgumentException("max-concurrent-requests and max-response-size must be positive");
    }
  }

  /** 5 s to connect (never more than the request timeout), 256 requests in flight, HTTP/1.1, de-duplicated. */
  public static SubgraphTraffic defaults(Duration requestTimeout, long maxResponseBytes) {
    Duration connect = requestTimeout.compareTo(Duration.ofSeconds(5)) < 0 ? requestTimeout : Duration.ofSeconds(5);
    return new SubgraphTraffic(connect, requestTimeout, 256, false, maxResponseBytes, BreakerOptions.defaults(),
        RetryOptions.defaults(), true);
  }

  public SubgraphTraffic with(BreakerOptions breaker, RetryOptions retry) {
    return new SubgraphTraffic(connectTimeout, requestTimeout, maxConcurrentRequests, http2, maxResponseBytes, breaker,
        retry, deduplicate);
  }

  public SubgraphTraffic withDeduplicate(boolean on) {
    return new SubgraphTraffic(connectTimeout, requestTimeout, maxConcurrentRequests, http2, maxResponseBytes, breaker,
        retry, on);
  }

  HttpSubgraphClient.Transport transport() {
    return new HttpSubgraphClient.Transport(connectTimeout, requestTimeout, http2, maxResponseBytes);
  }
}
