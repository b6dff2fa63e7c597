package dev.shopfed.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Token buckets per client key in Redis, so that every gateway replica draws on the same allowance. One Lua script
 * refills and takes atomically, on Redis's clock (replicas' clocks may differ); each bucket expires once it would be
 * full again, so Redis holds only the keys of recently active clients.
 *
 * <p>Fails open: while Redis cannot be reached, or answers too slowly, requests go through and a warning is logged
 * at most once per interval. Commands are refused at once while disconnected (rather than queued until reconnected),
 * and a failed connection is retried at most once per {@code timeout}.
 */
public final class RedisRateLimiter implements RateLimiter {

  /** KEYS[1]: the bucket; ARGV: burst, tokens per second. Answers {allowed (0/1), milliseconds until one token}. */
  static final String SCRIPT = """
      redis.replicate_commands()
      local burst = tonumber(ARGV[1])
      local rate = tonumber(ARGV[2])
      local time = redis.call('TIME')
      local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
      local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(state[1]) or burst
      local at = tonumber(state[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
      local allowed = 0
      local wait = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      else
        wait = math.ceil((1 - tokens) * 1000 / rate)
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
      return {allowed, wait}
      """;

  private final RateLimit limit;
  private final String keyPrefix;
  private final RedisClient client;
  private final RedisURI uri;
  private final Duration timeout;
  private final NanoClock clock;
  private final ThrottledWarning warning;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicLong lastAttempt = new AtomicLong(Long.MIN_VALUE);
  private volatile StatefulRedisConnection<String, String> connection;
  private volatile boolean closed;

  /**
   * @param redisUrl        e.g. {@code redis://localhost:6379/0}
   * @param keyPrefix       prepended to every client key, so several gateways (or other users) can share a Redis
   * @param timeout         how long one check may wait for Redis before the request goes through unchecked
   * @param warningInterval at most one warning about an unreachable Redis per this interval
   */
  public RedisRateLimiter(RateLimit limit, String redisUrl, String keyPrefix, Duration timeout,
      Duration warningInterval, NanoClock clock) {
    this.limit = limit;
    this.keyPrefix = keyPrefix;
    this.uri = RedisURI.create(redisUrl);
    this.timeout = timeout;
    this.clock = clock;
    this.warning = new ThrottledWarning(warningInterval, clock);
    this.client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .build());
    connectIfDue();
  }

  @Override
  public CompletableFuture<RateLimitDecision> acquire(String clientKey) {
    StatefulRedisConnection<String, String> current = connection;
    if (current == null) {
      connectIfDue();
      return failOpen("Redis is not connected");
    }
    String burst = Long.toString(limit.burst());
    String rate = Double.toString(limit.requestsPerSecond());
    return current.async().<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, new String[] {keyPrefix + clientKey},
            burst, rate)
        .toCompletableFuture()
        .thenApply(RedisRateLimiter::decision)
        .exceptionallyCompose(failure -> failOpen(describe(failure)));
  }

  private static RateLimitDecision decision(List<Object> reply) {
    if (((Number) reply.get(0)).longValue() == 1) {
      return RateLimitDecision.allow();
    }
    long waitMillis = ((Number) reply.get(1)).longValue();
    return RateLimitDecision.refuse((waitMillis + 999) / 1000);
  }

  private CompletableFuture<RateLimitDecision> failOpen(String reason) {
    warning.warn("Rate limiting is not enforced, requests pass unchecked: " + reason);
    return CompletableFuture.completedFuture(RateLimitDecision.allow());
  }

  /** Starts connecting unless connected, already connecting, or the last attempt was less than a timeout ago. */
  private void connectIfDue() {
    long now = clock.nanoTime();
    long last = lastAttempt.get();
    if (closed || connection != null || (last != Long.MIN_VALUE && now - last < timeout.toNanos())
        || !connecting.compareAndSet(false, true)) {
      return;
    }
    lastAttempt.set(now);
    client.connectAsync(StringCodec.UTF8, uri).whenComplete((connected, failure) -> {
      connection = connected;
      connecting.set(false);
      if (connected != null && closed) {
        connected.closeAsync();
      }
      if (failure != null) {
        warning.warn("Rate limiting is not enforced, requests pass unchecked: cannot connect to Redis: "
            + describe(failure));
      }
    });
  }

  private static String describe(Throwable failure) {
    Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
        ? failure.getCause() : failure;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }

  /** Whether a connection to Redis is open (it may still fail a command). */
  public boolean connected() {
    StatefulRedisConnection<String, String> current = connection;
    return current != null && current.isOpen();
  }

  @Override
  public RateLimit limit() {
    return limit;
  }

  @Override
  public void close() {
    closed = true;
    StatefulRedisConnection<String, String> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
