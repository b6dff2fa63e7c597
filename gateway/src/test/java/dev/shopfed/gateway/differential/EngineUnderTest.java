package dev.shopfed.gateway.differential;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.cost.DemandControlOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.limits.OperationLimits;
import dev.shopfed.gateway.traffic.BreakerOptions;
import dev.shopfed.gateway.traffic.RetryOptions;
import dev.shopfed.gateway.traffic.TrafficOptions;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Our engine, in-process, loaded with the very supergraph Apollo Gateway serves. */
final class EngineUnderTest implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 30;

  private final GatewayEngine engine;

  private EngineUnderTest(GatewayEngine engine) {
    this.engine = engine;
  }

  /**
   * Without operation limits: Apollo Gateway enforces none, and the seeded random operations (other seeds explore
   * further) are here to compare answers, not to be refused; the limits have tests of their own.
   */
  static EngineUnderTest load(String supergraphSdl) {
    // Apollo Gateway has no demand control: every operation is still costed (an estimator failure would show) but
    // none is refused for its cost.
    DemandControlOptions costedNeverRefused = new DemandControlOptions(true, Long.MAX_VALUE,
        DemandControlOptions.DEFAULT_LIST_SIZE, DemandControlOptions.Mode.ENFORCE);
    GatewayOptions defaults = GatewayOptions.defaults();
    // Apollo Gateway neither retries nor breaks circuits: a subgraph down must answer as it does, every time.
    TrafficOptions oneAttemptEach = defaults.traffic()
        .withAll(defaults.traffic().all().with(BreakerOptions.off(), RetryOptions.off()));
    GatewayOptions options = defaults.withLimits(OperationLimits.none())
        .withDemandControl(costedNeverRefused).withTraffic(oneAttemptEach);
    return new EngineUnderTest(GatewayEngine.load(supergraphSdl, options));
  }

  /** The response body as a client would read it: through JSON, so both sides compare alike. */
  Map<String, Object> execute(String query, String operationName, Map<String, Object> variables)
      throws InterruptedException, ExecutionException, TimeoutException {
    GatewayRequest request = new GatewayRequest(query, operationName, variables, Map.of(), Map.of(), false);
    Map<String, Object> body = engine.execute(request).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).body();
    return Json.parseObject(Json.write(body));
  }

  String apiSchemaSdl() {
    return engine.apiSchemaSdl();
  }

  @Override
  public void close() {
    engine.close();
  }
}
