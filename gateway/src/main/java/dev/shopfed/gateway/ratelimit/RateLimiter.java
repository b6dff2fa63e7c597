package dev.shopfed.gateway.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * Takes one request from a client's allowance. Asynchronous because a shared store answers over the network; the
 * in-memory limiter answers at once. A limiter that cannot reach its store lets requests through (fails open): an
 * outage of the store must not become an outage of the gateway.
 */
public interface RateLimiter extends AutoCloseable {

  /** Takes one request from {@code clientKey}'s allowance; never completes exceptionally. */
  CompletableFuture<RateLimitDecision> acquire(String clientKey);

  /** The limit this limiter applies to every client. */
  RateLimit limit();

  @Override
  default void close() {}
}
