package dev.shopfed.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan object of {@code extensions.queryPlan}: Apollo Router's node kinds, nested as the plan is. */
class PlanOutlineTest {

  private static PlanNode.Fetch fetch(String service, String operation) {
    return new PlanNode.Fetch(service.toUpperCase(), service, operation, null, List.of("id"), List.of());
  }

  @Test
  void blocksNestTheirNodesAndFetchesNameTheirSubgraph() {
    PlanNode plan = new PlanNode.Sequence(List.of(
        fetch("promo", "{ feed { id } }"),
        new PlanNode.Parallel(List.of(
            new PlanNode.Flatten(List.of("feed", "@", "products", "@"), fetch("commerce", "{ _entities }")),
            new PlanNode.BatchFetch("PROMO", "promo", "{ _e0: _entities }", null, List.of(),
                List.of(new PlanNode.BatchFetch.Part("_e0", "r0", List.of(List.of("feed", "@")), List.of())))))));

    Map<String, Object> outline = PlanOutline.of(plan);

    assertThat(outline).containsEntry("kind", "QueryPlan");
    Map<String, Object> sequence = map(outline.get("node"));
    assertThat(sequence.get("kind")).isEqualTo("Sequence");
    List<?> steps = (List<?>) sequence.get("nodes");
    assertThat(map(steps.get(0))).containsEntry("kind", "Fetch").containsEntry("serviceName", "promo")
        .containsEntry("entities", false).containsEntry("operation", "{ feed { id } }")
        .containsEntry("variableUsages", List.of("id"));
    Map<String, Object> parallel = map(steps.get(1));
    assertThat(parallel.get("kind")).isEqualTo("Parallel");
    Map<String, Object> flatten = map(((List<?>) parallel.get("nodes")).get(0));
    assertThat(flatten).containsEntry("kind", "Flatten")
        .containsEntry("path", List.of("feed", "@", "products", "@"));
    assertThat(map(flatten.get("node"))).containsEntry("serviceName", "commerce");
    Map<String, Object> batch = map(((List<?>) parallel.get("nodes")).get(1));
    assertThat(batch).containsEntry("kind", "BatchFetch").containsEntry("serviceName", "promo")
        .containsEntry("parts", List.of(Map.of("alias", "_e0", "paths", List.of(List.of("feed", "@")))));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void aPlanWithoutFetchesHasNoNode() {
    assertThat(PlanOutline.of(null)).containsExactly(Map.entry("kind", "QueryPlan"));
  }
}
