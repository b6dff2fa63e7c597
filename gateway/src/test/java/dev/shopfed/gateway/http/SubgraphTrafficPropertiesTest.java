package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.traffic.BreakerOptions;
import dev.shopfed.gateway.traffic.RetryOptions;
import dev.shopfed.gateway.traffic.SubgraphTraffic;
import dev.shopfed.gateway.traffic.TrafficOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code gateway.subgraphs.*} as Spring binds it: defaults, then {@code all}, then each subgraph's own. */
class SubgraphTrafficPropertiesTest {

  @Test
  void withoutSettingsEverySubgraphGetsTheDefaults() {
    TrafficOptions traffic = bind(Map.of()).engineOptions().traffic();

    assertThat(traffic.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(traffic.subgraphs()).isEmpty();
    assertThat(traffic.forSubgraph("promo")).isEqualTo(new SubgraphTraffic(Duration.ofSeconds(5),
        Duration.ofSeconds(30), 256, false, 4L << 20, BreakerOptions.defaults(), RetryOptions.defaults(), true));
  }

  @Test
  void theOldSubgraphTimeoutAndMemoryCapAreTheDefaultsOfAll() {
    TrafficOptions traffic = bind(Map.of(
        "gateway.subgraph-timeout", "2s",
        "gateway.memory.max-subgraph-response-size", "1MB")).engineOptions().traffic();

    SubgraphTraffic promo = traffic.forSubgraph("promo");
    assertThat(promo.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(promo.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(promo.maxResponseBytes()).isEqualTo(1L << 20);
  }

  @Test
  void aSubgraphsOwnSettingsGoOverAllWhichGoOverTheDefaults() {
    TrafficOptions traffic = bind(Map.ofEntries(
        Map.entry("gateway.request-timeout", "12s"),
        Map.entry("gateway.subgraphs.all.request-timeout", "3s"),
        Map.entry("gateway.subgraphs.all.max-concurrent-requests", "64"),
        Map.entry("gateway.subgraphs.all.breaker.wait-in-open", "30s"),
        Map.entry("gateway.subgraphs.all.retry.max-retries", "1"),
        Map.entry("gateway.subgraphs.promo.request-timeout", "800ms"),
        Map.entry("gateway.subgraphs.promo.http2", "true"),
        Map.entry("gateway.subgraphs.promo.max-response-size", "256KB"),
        Map.entry("gateway.subgraphs.promo.breaker.failure-rate-threshold", "25"),
        Map.entry("gateway.subgraphs.promo.breaker.slow-call-duration", "700ms"),
        Map.entry("gateway.subgraphs.commerce.retry.enabled", "false"),
        Map.entry("gateway.subgraphs.commerce.breaker.enabled", "false"))).engineOptions().traffic();

    assertThat(traffic.requestTimeout()).isEqualTo(Duration.ofSeconds(12));
    SubgraphTraffic other = traffic.forSubgraph("consent");
    assertThat(other.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(other.maxConcurrentRequests()).isEqualTo(64);
    assertThat(other.breaker().waitInOpen()).isEqualTo(Duration.ofSeconds(30));
    assertThat(other.retry().maxRetries()).isEqualTo(1);

    SubgraphTraffic promo = traffic.forSubgraph("promo");
    assertThat(promo.requestTimeout()).isEqualTo(Duration.ofMillis(800));
    assertThat(promo.maxConcurrentRequests()).isEqualTo(64);
    assertThat(promo.http2()).isTrue();
    assertThat(promo.maxResponseBytes()).isEqualTo(256 * 1024);
    assertThat(promo.breaker()).isEqualTo(new BreakerOptions(true, 25, 80, Duration.ofMillis(700), 20, 10,
        Duration.ofSeconds(30), 3));
    assertThat(promo.retry().maxRetries()).isEqualTo(1);

    SubgraphTraffic commerce = traffic.forSubgraph("commerce");
    assertThat(commerce.retry().enabled()).isFalse();
    assertThat(commerce.breaker().enabled()).isFalse();
    assertThat(commerce.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
  }

  private static GatewayProperties bind(Map<String, String> settings) {
    return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("gateway", GatewayProperties.class);
  }
}
