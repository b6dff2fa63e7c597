package dev.shopfed.gateway.planning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan as JSON-ready maps, shaped like Apollo Router's {@code queryPlan.object}: each node has a {@code kind}
 * (Sequence, Parallel, Flatten, Fetch, BatchFetch), blocks list their {@code nodes}, fetches name their
 * {@code serviceName}. Tools draw it (the explorer's diagram) without parsing the printed text.
 */
final class PlanOutline {

  private PlanOutline() {}

  static Map<String, Object> of(PlanNode root) {
    Map<String, Object> plan = new LinkedHashMap<>();
    plan.put("kind", "QueryPlan");
    if (root != null) {
      plan.put("node", node(root));
    }
    return plan;
  }

  private static Map<String, Object> node(PlanNode node) {
    if (node instanceof PlanNode.Fetch fetch) {
      return fetch(fetch);
    }
    if (node instanceof PlanNode.Flatten flatten) {
      return flatten(flatten);
    }
    if (node instanceof PlanNode.BatchFetch batch) {
      return batch(batch);
    }
    if (node instanceof PlanNode.Sequence sequence) {
      return block("Sequence", sequence.nodes());
    }
    return block("Parallel", ((PlanNode.Parallel) node).nodes());
  }

  private static Map<String, Object> block(String kind, List<PlanNode> nodes) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind);
    out.put("nodes", nodes.stream().map(PlanOutline::node).toList());
    return out;
  }

  private static Map<String, Object> flatten(PlanNode.Flatten flatten) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", "Flatten");
    out.put("path", flatten.path());
    out.put("node", fetch(flatten.fetch()));
    return out;
  }

  private static Map<String, Object> fetch(PlanNode.Fetch fetch) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", "Fetch");
    out.put("serviceName", fetch.serviceName());
    out.put("entities", fetch.isEntityFetch());
    out.put("variableUsages", fetch.variableUsages());
    out.put("operation", fetch.operation());
    return out;
  }

  private static Map<String, Object> batch(PlanNode.BatchFetch batch) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", "BatchFetch");
    out.put("serviceName", batch.serviceName());
    out.put("parts", batch.parts().stream().map(PlanOutline::part).toList());
    out.put("variableUsages", batch.variableUsages());
    out.put("operation", batch.operation());
    return out;
  }

  private static Map<String, Object> part(PlanNode.BatchFetch.Part part) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("alias", part.alias());
    out.put("paths", part.paths());
    return out;
  }
}
