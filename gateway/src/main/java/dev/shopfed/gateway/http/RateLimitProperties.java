package dev.shopfed.gateway.http;

import dev.shopfed.gateway.ratelimit.RateLimit;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.rate-limit.*} settings. Off by default: any shared default would throttle a load test, or every
 * user of an app behind one NAT address, long before it protected anything; an operator sets the limit to the
 * traffic they expect per client.
 *
 * @param enabled           whether requests to {@code /graphql} are rate limited
 * @param keyHeader         the request header naming the client (e.g. {@code x-client-id}); unset, or absent from a
 *                          request, the client's remote address
 * @param requestsPerSecond the sustained rate allowed per client
 * @param burst             how many requests a client may send back to back after a quiet period
 * @param maxClients        how many clients the in-memory store tracks at most (least recently seen ones go first)
 * @param redisUrl          when set, e.g. {@code redis://localhost:6379}, the limits are kept in Redis and shared by
 *                          every gateway using it
 * @param redisKeyPrefix    the prefix of the gateway's keys in Redis
 * @param redisTimeout      how long a check may wait for Redis; past it, or while Redis is down, requests pass
 * @param warningInterval   at most one warning about an unreachable Redis per this interval
 */
public record RateLimitProperties(
    @DefaultValue("false") boolean enabled,
    String keyHeader,
    @DefaultValue("50") double requestsPerSecond,
    @DefaultValue("100") long burst,
    @DefaultValue("100000") long maxClients,
    String redisUrl,
    @DefaultValue("shopfed:rate-limit:") String redisKeyPrefix,
    @DefaultValue("200ms") Duration redisTimeout,
    @DefaultValue("1m") Duration warningInterval) {

  RateLimit limit() {
    return new RateLimit(requestsPerSecond, burst);
  }

  boolean usesRedis() {
    return redisUrl != null && !redisUrl.isBlank();
  }
}
