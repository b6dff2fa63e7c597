package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import org.junit.jupiter.api.Test;

class ServedEngineTest {

  private final ServedEngine served = new ServedEngine(GatewayEngine.load(BooksSupergraph.SDL,
      GatewayOptions.defaults(), (dev.shopfed.gateway.persisted.PersistedOperations) null));

  @Test
  void aRetiredEngineClosesWhenTheLastRequestHoldingItFinishes() {
    assertThat(served.hold()).isTrue();
    assertThat(served.hold()).isTrue();

    served.retire();
    assertThat(served.closed()).as("two requests still hold it").isNotDone();
    served.release();
    assertThat(served.closed()).isNotDone();
    served.release();

    assertThat(served.closed()).isDone();
    assertThat(served.hold()).as("a closed engine is never handed out").isFalse();
  }

  @Test
  void anIdleEngineClosesAsSoonAsItIsRetired() {
    served.retire();
    assertThat(served.closed()).isDone();
  }

  @Test
  void anEngineInServiceStaysOpenWhenItsRequestsFinish() {
    assertThat(served.hold()).isTrue();
    served.release();
    assertThat(served.closed()).isNotDone();
    assertThat(served.inFlight()).isZero();
    served.closeNow();
  }

  @Test
  void closingByForceEndsTheHoldsAndALateReleaseIsHarmless() {
    assertThat(served.hold()).isTrue();
    served.closeNow();
    assertThat(served.closed()).isDone();
    served.release();
    assertThat(served.inFlight()).isZero();
    assertThat(served.hold()).isFalse();
  }
}
