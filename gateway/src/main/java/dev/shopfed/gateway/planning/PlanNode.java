package dev.shopfed.gateway.planning;

import java.util.List;

/** A node of a query plan: what the executor does, in which order. */
public sealed interface PlanNode
    permits PlanNode.Fetch, PlanNode.Flatten, PlanNode.BatchFetch, PlanNode.Sequence, PlanNode.Parallel {

  /**
   * One subgraph request.
   *
   * @param subgraph        subgraph id (join__Graph value)
   * @param serviceName     subgraph name
   * @param operation       the operation text sent
   * @param operationName   its name, or null
   * @param variableUsages  client variables it forwards
   * @param representations for an entity fetch, how to build each entity type's representation; empty for root fetches
   * @param renames         the keys to rename in the answer (each entity's, for an entity fetch) before merging it
   */
  record Fetch(
      String subgraph,
      String serviceName,
      String operation,
      String operationName,
      List<String> variableUsages,
      List<RepresentationShape> representations,
      ResponseRenames renames) implements PlanNode {

    public Fetch(String subgraph, String serviceName, String operation, String operationName,
        List<String> variableUsages, List<RepresentationShape> representations) {
      this(subgraph, serviceName, operation, operationName, variableUsages, representations, ResponseRenames.NONE);
    }

    public boolean isEntityFetch() {
      return !representations.isEmpty();
    }
  }

  /** Runs an entity fetch for the objects found at {@code path} ("@" walks into lists). */
  record Flatten(List<String> path, Fetch fetch) implements PlanNode {}

  /**
   * Entity fetches that would run side by side against one subgraph, sent as one request: each part is an
   * {@code _entities} field under its own alias with its own representations variable. Fetches that differ only in
   * their path share one part, so an entity found at several paths is fetched once.
   *
   * @param subgraph       subgraph id (join__Graph value)
   * @param serviceName    subgraph name
   * @param operation      the operation text sent
   * @param operationName  its name, or null
   * @param variableUsages client variables it forwards
   * @param parts          the aliased entity fetches, in the order of the operation's fields
   */
  record BatchFetch(
      String subgraph,
      String serviceName,
      String operation,
      String operationName,
      List<String> variableUsages,
      List<Part> parts) implements PlanNode {

    /**
     * One aliased {@code _entities} field of the batch.
     *
     * @param alias           the field's alias in the operation and in the answer
     * @param variable        the variable carrying its representations
     * @param paths           where its entities sit in the response ("@" walks into lists)
     * @param representations how to build each entity type's representation
     * @param renames         the keys to rename in each of its entities before merging them
     */
    public record Part(String alias, String variable, List<List<String>> paths,
        List<RepresentationShape> representations, ResponseRenames renames) {

      public Part(String alias, String variable, List<List<String>> paths, List<RepresentationShape> representations) {
        this(alias, variable, paths, representations, ResponseRenames.NONE);
      }
    }
  }

  /** Runs its nodes one after the other. */
  record Sequence(List<PlanNode> nodes) implements PlanNode {}

  /** Runs its nodes at the same time. */
  record Parallel(List<PlanNode> nodes) implements PlanNode {}
}
