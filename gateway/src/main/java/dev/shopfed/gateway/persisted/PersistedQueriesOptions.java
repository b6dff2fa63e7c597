package dev.shopfed.gateway.persisted;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of persisted operations: automatic persisted queries (APQ) and the safelist.
 *
 * @param safelist       whether operations outside the manifest are refused, logged or simply run
 * @param requireId      with {@link SafelistMode#ENFORCE}, refuse operations sent as text: clients must send an id
 * @param manifest       the registered operations (empty when none is configured)
 * @param maxEntries     how many APQ registrations the in-memory store keeps
 * @param maxBytes       how many bytes of operation text the in-memory store keeps in all
 * @param redisUrl       when set, APQ registrations live in this Redis, shared by every gateway using it
 * @param redisKeyPrefix prefix of the Redis keys, followed by the operation's SHA-256
 * @param redisTtl       how long a registration lives in Redis; zero keeps it until Redis evicts it
 * @param redisTimeout   how long one Redis command may take before it counts as a miss
 */
public record PersistedQueriesOptions(
    SafelistMode safelist,
    boolean requireId,
    PersistedQueryManifest manifest,
    long maxEntries,
    long maxBytes,
    URI redisUrl,
    String redisKeyPrefix,
    Duration redisTtl,
    Duration redisTimeout) {

  public PersistedQueriesOptions {
    manifest = manifest == null ? PersistedQueryManifest.EMPTY : manifest;
  }

  public static PersistedQueriesOptions defaults() {
    return new PersistedQueriesOptions(SafelistMode.OFF, false, PersistedQueryManifest.EMPTY, 10_000,
        16L * 1024 * 1024, null, "gateway:apq:", Duration.ofHours(24), Duration.ofMillis(500));
  }

  public PersistedQueriesOptions withSafelist(SafelistMode mode, PersistedQueryManifest operations) {
    return new PersistedQueriesOptions(mode, requireId, operations, maxEntries, maxBytes, redisUrl, redisKeyPrefix,
        redisTtl, redisTimeout);
  }

  public PersistedQueriesOptions withRedis(URI url) {
    return new PersistedQueriesOptions(safelist, requireId, manifest, maxEntries, maxBytes, url, redisKeyPrefix,
        redisTtl, redisTimeout);
  }
}
