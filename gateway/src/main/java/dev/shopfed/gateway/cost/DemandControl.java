package dev.shopfed.gateway.cost;

import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Demand control, the plan-level policy stage between planning and execution: estimates what an operation will
 * cost from the supergraph's {@code @cost} and {@code @listSize}, refuses it before anything is fetched when the
 * estimate is over {@code gateway.demand-control.max-cost} (in enforce mode), and measures the actual cost from
 * the data it returned.
 */
public final class DemandControl {

  public static final String TOO_EXPENSIVE = "COST_ESTIMATED_TOO_EXPENSIVE";
  public static final String CANNOT_ESTIMATE = "COST_QUERY_PARSE_FAILURE";

  /** Why an operation is refused: the error's message and {@code extensions.code}. */
  public record Refusal(String message, String code) {}

  private final DemandControlOptions options;
  private final CostEstimator estimator;
  private final ActualCost actual;

  public DemandControl(Supergraph supergraph, DemandControlOptions options) {
    CostDirectives directives = CostDirectives.of(supergraph);
    this.options = options;
    this.estimator = new CostEstimator(supergraph.apiSchema(), directives, options.listSize());
    this.actual = new ActualCost(supergraph.apiSchema(), directives);
  }

  public boolean enabled() {
    return options.enabled();
  }

  /** Whether estimates are needed even when the client does not ask to see them. */
  public boolean enforces() {
    return options.enabled() && options.mode() == DemandControlOptions.Mode.ENFORCE;
  }

  public CostEstimate estimate(ExecutableNormalizedOperation operation, CoercedVariables variables) {
    try {
      return CostEstimate.of(estimator.estimate(operation, variables));
    } catch (CostException e) {
      return CostEstimate.failed(e.getMessage());
    }
  }

  /** The refusal for an estimate in enforce mode, or null when the operation may run. */
  public Refusal refusal(CostEstimate estimate) {
    if (!enforces()) {
      return null;
    }
    if (estimate.failure() != null) {
      return new Refusal(estimate.failure(), CANNOT_ESTIMATE);
    }
    if (estimate.estimated() > options.maxCost()) {
      return new Refusal("Estimated cost " + number(estimate.estimated()) + " exceeds the maximum cost of "
          + options.maxCost() + " (gateway.demand-control.max-cost)", TOO_EXPENSIVE);
    }
    return null;
  }

  public double actual(ExecutableNormalizedOperation operation, Map<String, Object> data, CoercedVariables variables) {
    return actual.of(operation, data, variables);
  }

  /** {@code extensions.cost} of a response: estimated, actual (null when nothing ran), max and mode. */
  public Map<String, Object> extension(CostEstimate estimate, Double actualCost) {
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("estimated", estimate == null || estimate.estimated() == null ? null : number(estimate.estimated()));
    cost.put("actual", actualCost == null ? null : number(actualCost));
    cost.put("max", options.maxCost());
    cost.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
    return cost;
  }

  /** Costs are whole numbers unless an estimate overflowed into doubles' range. */
  private static Object number(double value) {
    return Math.rint(value) == value && Math.abs(value) < Long.MAX_VALUE ? (Object) (long) value : (Object) value;
  }
}
