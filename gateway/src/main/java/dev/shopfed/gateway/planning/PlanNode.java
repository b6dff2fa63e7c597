package dev.shopfed.gateway.planning;

import java.util.List;

/** A node of a query plan: what the executor does, in which order. */
public sealed interface PlanNode
    permits PlanNode.Fetch, PlanNode.Flatten, PlanNode.Sequence, PlanNode.Parallel {

  /**
   * One subgraph request.
   *
   * @param subgraph        subgraph id (join__Graph value)
   * @param serviceName     subgraph name
   * @param operation       the operation text sent
   * @param operationName   its name, or null
   * @param variableUsages  client variables it forwards
   * @param representations for an entity fetch, how to build each entity type's representation; empty for root fetches
   */
  record Fetch(
      String subgraph,
      String serviceName,
      String operation,
      String operationName,
      List<String> variableUsages,
      List<RepresentationShape> representations) implements PlanNode {

    public boolean isEntityFetch() {
      return !representations.isEmpty();
    }
  }

  /** Runs an entity fetch for the objects found at {@code path} ("@" walks into lists). */
  record Flatten(List<String> path, Fetch fetch) implements PlanNode {}

  /** Runs its nodes one after the other. */
  record Sequence(List<PlanNode> nodes) implements PlanNode {}

  /** Runs its nodes at the same time. */
  record Parallel(List<PlanNode> nodes) implements PlanNode {}
}
