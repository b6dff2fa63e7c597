package dev.shopfed.gateway.http;

import dev.shopfed.gateway.traffic.BreakerOptions;
import dev.shopfed.gateway.traffic.RetryOptions;
import dev.shopfed.gateway.traffic.SubgraphTraffic;
import dev.shopfed.gateway.traffic.TrafficOptions;
import java.time.Duration;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * The {@code gateway.subgraphs.<name>.*} settings of one subgraph, and {@code gateway.subgraphs.all.*} of every one:
 * each setting left unset takes the value of {@code all}, which takes {@link SubgraphTraffic#defaults}.
 *
 * @param connectTimeout        how long opening a connection may take
 * @param requestTimeout        how long one request may take ({@code gateway.subgraph-timeout} by default)
 * @param maxConcurrentRequests requests in flight to the subgraph at once
 * @param http2                 prefer HTTP/2 where offered
 * @param maxResponseSize       the largest answer ({@code gateway.memory.max-subgraph-response-size} by default)
 * @param breaker               the circuit breaker ({@code .breaker.*})
 * @param retry                 retries of query fetches ({@code .retry.*})
 * @param deduplicate           identical query fetches in flight at once share one request (on by default)
 */
public record SubgraphTrafficProperties(Duration connectTimeout, Duration requestTimeout,
    Integer maxConcurrentRequests, Boolean http2, DataSize maxResponseSize, Breaker breaker, Retry retry,
    Boolean deduplicate) {

  /** The key of the settings every subgraph gets. */
  static final String ALL = "all";

  /** {@code all} over the defaults, then each named subgraph over {@code all}. */
  static TrafficOptions engineOptions(Map<String, SubgraphTrafficProperties> subgraphs, Duration requestTimeout,
      Duration subgraphTimeout, long maxSubgraphResponseBytes) {
    Map<String, SubgraphTrafficProperties> given = subgraphs == null ? Map.of() : subgraphs;
    SubgraphTraffic base = SubgraphTraffic.defaults(subgraphTimeout, maxSubgraphResponseBytes);
    SubgraphTraffic all = given.containsKey(ALL) ? given.get(ALL).over(base) : base;
    TrafficOptions options = TrafficOptions.of(subgraphTimeout, maxSubgraphResponseBytes).withAll(all);
    for (var entry : given.entrySet()) {
      if (!entry.getKey().equals(ALL)) {
        options = options.withSubgraph(entry.getKey(), entry.getValue().over(all));
      }
    }
    return requestTimeout == null ? options : options.withRequestTimeout(requestTimeout);
  }

  SubgraphTraffic over(SubgraphTraffic base) {
    return new SubgraphTraffic(
        connectTimeout == null ? base.connectTimeout() : connectTimeout,
        requestTimeout == null ? base.requestTimeout() : requestTimeout,
        maxConcurrentRequests == null ? base.maxConcurrentRequests() : maxConcurrentRequests,
        http2 == null ? base.http2() : http2,
        maxResponseSize == null ? base.maxResponseBytes() : maxResponseSize.toBytes(),
        breaker == null ? base.breaker() : breaker.over(base.breaker()),
        retry == null ? base.retry() : retry.over(base.retry()),
        deduplicate == null ? base.deduplicate() : deduplicate);
  }

  /** {@code .breaker.*}: see {@link BreakerOptions}; rates in percent. */
  public record Breaker(Boolean enabled, Float failureRateThreshold, Float slowCallRateThreshold,
      Duration slowCallDuration, Integer windowSize, Integer minimumCalls, Duration waitInOpen,
      Integer halfOpenCalls) {

    BreakerOptions over(BreakerOptions base) {
      return new BreakerOptions(
          enabled == null ? base.enabled() : enabled,
          failureRateThreshold == null ? base.failureRateThreshold() : failureRateThreshold,
          slowCallRateThreshold == null ? base.slowCallRateThreshold() : slowCallRateThreshold,
          slowCallDuration == null ? base.slowCallDuration() : slowCallDuration,
          windowSize == null ? base.windowSize() : windowSize,
          minimumCalls == null ? base.minimumCalls() : minimumCalls,
          waitInOpen == null ? base.waitInOpen() : waitInOpen,
          halfOpenCalls == null ? base.halfOpenCalls() : halfOpenCalls);
    }
  }

  /** {@code .retry.*}: see {@link RetryOptions}. */
  public record Retry(Boolean enabled, Integer maxRetries, Duration backoff, Duration maxBackoff,
      Double budgetPercent, Duration budgetWindow, Integer minRetriesPerSecond) {

    RetryOptions over(RetryOptions base) {
      return new RetryOptions(
          enabled == null ? base.enabled() : enabled,
          maxRetries == null ? base.maxRetries() : maxRetries,
          backoff == null ? base.backoff() : backoff,
          maxBackoff == null ? base.maxBackoff() : maxBackoff,
          budgetPercent == null ? base.budgetPercent() : budgetPercent,
          budgetWindow == null ? base.budgetWindow() : budgetWindow,
          minRetriesPerSecond == null ? base.minRetriesPerSecond() : minRetriesPerSecond);
    }
  }
}
