package dev.shopfed.gateway.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meters' tag values stay few whatever clients send, and a breaker's state shows as one gauge at 1. */
class GatewayMetricsTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GatewayMetrics metrics = new GatewayMetrics(registry);

  @Test
  void operationNamesPastTheCapAndMalformedOnesCountAsOther() {
    for (int i = 0; i < GatewayMetrics.MAX_TAG_VALUES + 50; i++) {
      metrics.started();
      metrics.ended("Op" + i, 200, List.of(), 1_000, 500);
    }
    metrics.started();
    metrics.ended("not a name!", 200, List.of("lower-case code", "BAD_USER_INPUT"), 1_000, 500);

    Set<String> operations = tagValues("gateway.requests", "operation");
    assertThat(operations).hasSize(GatewayMetrics.MAX_TAG_VALUES + 1).contains("Op0", "other")
        .doesNotContain("Op" + GatewayMetrics.MAX_TAG_VALUES, "not a name!");
    assertThat(tagValues("gateway.request.errors", "code")).containsExactlyInAnyOrder("other", "BAD_USER_INPUT");
    assertThat(registry.get("gateway.requests.in.flight").gauge().value()).isZero();
  }

  @Test
  void theBreakerStateGaugeIsOneForTheCurrentState() {
    AtomicReference<String> state = new AtomicReference<>("closed");
    metrics.bindBreakerState("commerce", Set.of("closed", "open", "half_open"), state::get);
    state.set("open");

    assertThat(registry.get("gateway.subgraph.breaker.state").tag("state", "open").gauge().value()).isEqualTo(1);
    assertThat(registry.get("gateway.subgraph.breaker.state").tag("state", "closed").gauge().value()).isZero();
  }

  @Test
  void aSharedFetchIsCountedBySubgraph() {
    metrics.sharedFetch("promo");
    metrics.sharedFetch("promo");

    assertThat(registry.get("gateway.subgraph.requests.shared").tag("subgraph", "promo").counter().count())
        .isEqualTo(2);
  }

  private Set<String> tagValues(String meter, String tag) {
    return registry.find(meter).meters().stream().map(Meter::getId).map(id -> id.getTag(tag))
        .collect(java.util.stream.Collectors.toSet());
  }
}
