package dev.shopfed.gateway.persisted;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * APQ registrations in Redis, so every gateway pointed at the same Redis shares them. Keys are the prefix and the
 * SHA-256; values the operation text, with a TTL. Redis being down, slow or unreachable is a cache miss: logged once
 * when it starts and once when it ends, never an error for the client. Commands are refused at once while the
 * connection is down (rather than queued), and the connection is retried at most every {@link #RETRY_INTERVAL}.
 */
public final class RedisOperationStore implements PersistedOperationStore {

  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(RedisOperationStore.class);

  private final RedisClient client;
  private final RedisURI uri;
  private final String keyPrefix;
  private final Duration ttl;
  private final String where;
  private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, String>>> connection =
      new AtomicReference<>();
  private final AtomicBoolean reachable = new AtomicBoolean(true);
  private volatile long nextAttemptNanos = System.nanoTime();

  public RedisOperationStore(URI url, String keyPrefix, Duration ttl, Duration timeout) {
    this.uri = RedisURI.create(url);
    this.uri.setTimeout(timeout);
    this.keyPrefix = keyPrefix;
    this.ttl = ttl;
    this.where = uri.getHost() + ":" + uri.getPort();
    this.client = RedisClient.create();
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
        .timeoutOptions(TimeoutOptions.enabled(timeout))
        .build());
  }

  @Override
  public CompletableFuture<Optional<String>> find(String hash) {
    return connection()
        .thenCompose(c -> c.async().get(keyPrefix + hash).toCompletableFuture())
        .handleAsync((text, failure) -> {
          if (failure != null) {
            unreachable(failure);
            return Optional.<String>empty();
          }
          reachableAgain();
          return Optional.ofNullable(text);
        }, ForkJoinPool.commonPool());
  }

  @Override
  public void save(String hash, String text) {
    SetArgs args = ttl.isZero() || ttl.isNegative() ? new SetArgs() : SetArgs.Builder.px(ttl.toMillis());
    connection()
        .thenCompose(c -> c.async().set(keyPrefix + hash, text, args).toCompletableFuture())
        .whenComplete((ok, failure) -> {
          if (failure != null) {
            unreachable(failure);
          }
        });
  }

  /** The connection, (re)connecting when there is none and the last attempt is long enough ago. */
  private CompletableFuture<StatefulRedisConnection<String, String>> connection() {
    CompletableFuture<StatefulRedisConnection<String, String>> current = connection.get();
    if (current != null && !current.isCompletedExceptionally()) {
      return current;
    }
    if (System.nanoTime() - nextAttemptNanos < 0) {
      return current != null ? current : CompletableFuture.failedFuture(new IllegalStateException("not connected"));
    }
    nextAttemptNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
    CompletableFuture<StatefulRedisConnection<String, String>> next;
    try {
      next = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
    } catch (RuntimeException e) {
      next = CompletableFuture.failedFuture(e);
    }
    return connection.compareAndSet(current, next) ? next : connection.get();
  }

  private void unreachable(Throwable failure) {
    if (reachable.compareAndSet(true, false)) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      log.warn("Persisted query store (Redis at {}) is unreachable; APQ lookups answer as misses until it is back: {}",
          where, cause.toString());
    }
  }

  private void reachableAgain() {
    if (reachable.compareAndSet(false, true)) {
      log.info("Persisted query store (Redis at {}) is reachable again", where);
    }
  }

  @Override
  public void close() {
    CompletableFuture<StatefulRedisConnection<String, String>> current = connection.getAndSet(null);
    if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
      current.join().close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
