package dev.shopfed.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;

/**
 * Token buckets per client key, in this process. The buckets live in a Caffeine cache bounded in size and expiring
 * a bucket once it has been idle long enough to be full again (its state is then the same as a new bucket's), so a
 * flood of distinct keys cannot grow memory without bound. A key evicted early by the size bound starts again with a
 * full bucket: under such a flood the limit is lenient for some keys, never a memory leak.
 *
 * <p>Hand-written rather than Bucket4j or Resilience4j: Resilience4j's RateLimiter is one limiter per name in an
 * unbounded registry with blocking waits, and Bucket4j's keyed buckets need its proxy managers (a distributed store);
 * a keyed, bounded, non-blocking bucket is the cache plus the twenty lines of {@link TokenBucket}.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final RateLimit limit;
  private final NanoClock clock;
  private final Cache<String, TokenBucket> buckets;

  public InMemoryRateLimiter(RateLimit limit, long maxClients, NanoClock clock) {
    this.limit = limit;
    this.clock = clock;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxClients)
        .expireAfterAccess(limit.refillTime())
        .ticker(clock::nanoTime)
        .executor(Runnable::run) // evict on the caller's thread: the bound holds as soon as a request returns
        .build();
  }

  @Override
  public CompletableFuture<RateLimitDecision> acquire(String clientKey) {
    long now = clock.nanoTime();
    TokenBucket bucket = buckets.get(clientKey, k -> new TokenBucket(limit, now));
    return CompletableFuture.completedFuture(bucket.take(now));
  }

  @Override
  public RateLimit limit() {
    return limit;
  }

  /** How many clients' buckets are held now. */
  public long trackedClients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}
