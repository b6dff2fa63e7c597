package dev.shopfed.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** The Redis-backed limiter against a real redis-server on a free port. */
class RedisRateLimiterTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  private static RedisServer redis;
  private static int port;

  @BeforeAll
  static void startRedis() throws IOException {
    port = freePort();
    redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    redis.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (redis != null && redis.isActive()) {
      redis.stop();
    }
  }

  @Test
  void twoLimitersShareOneAllowance() {
    // 0.01 per second: no token comes back while the test runs, however slow the machine
    RateLimit limit = new RateLimit(0.01, 3);
    String client = "client-" + UUID.randomUUID();
    try (RedisRateLimiter first = limiter(limit, "shared:"); RedisRateLimiter second = limiter(limit, "shared:")) {
      awaitConnected(first);
      awaitConnected(second);
      assertThat(first.acquire(client).join().allowed()).isTrue();
      assertThat(second.acquire(client).join().allowed()).isTrue();
      assertThat(first.acquire(client).join().allowed()).isTrue();
      RateLimitDecision refused = second.acquire(client).join();
      assertThat(refused.allowed()).as("the fourth request, whichever replica sees it").isFalse();
      assertThat(refused.retryAfterSeconds()).isBetween(50L, 100L);
      assertThat(first.acquire(client).join().allowed()).isFalse();
      assertThat(first.acquire("other-" + client).join().allowed()).as("another client").isTrue();
    }
  }

  @Test
  void keysAreSeparatedByPrefix() {
    RateLimit limit = new RateLimit(0.01, 1);
    String client = "client-" + UUID.randomUUID();
    try (RedisRateLimiter a = limiter(limit, "gateway-a:"); RedisRateLimiter b = limiter(limit, "gateway-b:")) {
      awaitConnected(a);
      awaitConnected(b);
      assertThat(a.acquire(client).join().allowed()).isTrue();
      assertThat(a.acquire(client).join().allowed()).isFalse();
      assertThat(b.acquire(client).join().allowed()).isTrue();
    }
  }

  @Test
  void failsOpenWhenRedisIsUnreachable() throws IOException {
    RateLimit limit = new RateLimit(0.01, 1);
    try (RedisRateLimiter limiter = new RedisRateLimiter(limit, "redis://127.0.0.1:" + freePort(), "x:", TIMEOUT,
        Duration.ofMinutes(1), NanoClock.system())) {
      for (int i = 0; i < 5; i++) {
        RateLimitDecision decision = limiter.acquire("client").get(10, TimeUnit.SECONDS);
        assertThat(decision.allowed()).as("request %d passes unchecked", i + 1).isTrue();
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void failsOpenWhenRedisStopsAndLimitsAgainWhenItIsBack() throws Exception {
    int ownPort = freePort();
    RedisServer own = RedisServer.newRedisServer().port(ownPort).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
    own.start();
    try (RedisRateLimiter limiter = new RedisRateLimiter(new RateLimit(0.01, 1), "redis://127.0.0.1:" + ownPort,
        "x:", TIMEOUT, Duration.ofMinutes(1), NanoClock.system())) {
      awaitConnected(limiter);
      assertThat(limiter.acquire("c").join().allowed()).isTrue();
      assertThat(limiter.acquire("c").join().allowed()).isFalse();
      own.stop();
      for (int i = 0; i < 3; i++) {
        assertThat(limiter.acquire("c").get(10, TimeUnit.SECONDS).allowed()).as("Redis down: fail open").isTrue();
      }
      own.start();
      awaitConnected(limiter); // Lettuce reconnects by itself
      assertThat(limiter.acquire("d").join().allowed()).isTrue();
      assertThat(limiter.acquire("d").join().allowed()).as("Redis back: limited again").isFalse();
    } finally {
      if (own.isActive()) {
        own.stop();
      }
    }
  }

  private static RedisRateLimiter limiter(RateLimit limit, String prefix) {
    return new RedisRateLimiter(limit, "redis://127.0.0.1:" + port, prefix, TIMEOUT, Duration.ofMinutes(1),
        NanoClock.system());
  }

  /** The limiter connects in the background: until then it lets requests through. Polls with a bound. */
  private static void awaitConnected(RedisRateLimiter limiter) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!limiter.connected()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the limiter did not connect to Redis within 60 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
