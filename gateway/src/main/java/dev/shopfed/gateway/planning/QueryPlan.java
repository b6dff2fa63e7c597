package dev.shopfed.gateway.planning;

import graphql.normalized.ExecutableNormalizedOperation;
import java.util.Map;

/**
 * A planned operation: the fetches to run, and the normalized client operation the response is shaped from.
 *
 * @param root          the plan's top node, or null when nothing needs a subgraph (only __typename or introspection)
 * @param operation     the normalized client operation
 * @param introspection whether some root fields are answered by the gateway's own introspection
 */
public record QueryPlan(PlanNode root, ExecutableNormalizedOperation operation, boolean introspection) {

  /** The plan printed in the style of Apollo's QueryPlan output. */
  public String text() {
    return PlanPrinter.print(root);
  }

  /** The plan as nested maps (kind, nodes, serviceName...), in the shape of Apollo Router's plan object. */
  public Map<String, Object> outline() {
    return PlanOutline.of(root);
  }
}
