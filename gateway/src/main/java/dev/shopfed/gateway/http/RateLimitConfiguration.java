package dev.shopfed.gateway.http;

import dev.shopfed.gateway.ratelimit.InMemoryRateLimiter;
import dev.shopfed.gateway.ratelimit.NanoClock;
import dev.shopfed.gateway.ratelimit.RateLimiter;
import dev.shopfed.gateway.ratelimit.RedisRateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limiter, when {@code gateway.rate-limit.enabled=true}: in memory, or in Redis when
 * {@code gateway.rate-limit.redis-url} is set. A {@link NanoClock} bean, if any, replaces the system clock (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("gateway.rate-limit.enabled")
class RateLimitConfiguration {

  @Bean
  RateLimiter rateLimiter(GatewayProperties properties, ObjectProvider<NanoClock> clock) {
    RateLimitProperties settings = properties.rateLimit();
    NanoClock nanoClock = clock.getIfAvailable(NanoClock::system);
    if (settings.usesRedis()) {
      return new RedisRateLimiter(settings.limit(), settings.redisUrl(), settings.redisKeyPrefix(),
          settings.redisTimeout(), settings.warningInterval(), nanoClock);
    }
    return new InMemoryRateLimiter(settings.limit(), settings.maxClients(), nanoClock);
  }

  @Bean
  RateLimitFilter rateLimitFilter(RateLimiter limiter, GatewayProperties properties, JsonMapper json) {
    return new RateLimitFilter(limiter, ClientKey.from(properties.rateLimit().keyHeader()), json);
  }
}
