package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.planning.SubgraphOperationPrinter.BatchedEntities;
import graphql.language.VariableDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Optimisation pass: entity fetches that start together against one subgraph become one request. The children of a
 * parallel node start together, a sequence with its first node; so the first entity fetches of the children that go to
 * the same subgraph are sent as one {@link PlanNode.BatchFetch}, and what followed each of them runs, in parallel, once
 * the batch has answered — which is when each would have run anyway, since they answer together. Fetches that differ
 * only in their path share one {@code _entities} field, so their representations are de-duplicated across paths.
 */
final class FetchBatching {

  private final Map<PlanNode.Fetch, SubgraphSelection> selections;
  private final Map<String, VariableDefinition> definitions;

  /**
   * @param selections  the selection each entity fetch was printed from (by identity)
   * @param definitions the client operation's variable definitions
   */
  FetchBatching(Map<PlanNode.Fetch, SubgraphSelection> selections, Map<String, VariableDefinition> definitions) {
    this.selections = selections;
    this.definitions = definitions;
  }

  PlanNode apply(PlanNode node) {
    if (node instanceof PlanNode.Sequence sequence) {
      return PlanBuilder.wrap(sequence.nodes().stream().map(this::apply).toList(), true);
    }
    if (node instanceof PlanNode.Parallel parallel) {
      return parallel(parallel.nodes());
    }
    return node;
  }

  private PlanNode parallel(List<PlanNode> children) {
    Map<String, List<Integer>> bySubgraph = new LinkedHashMap<>();
    for (int i = 0; i < children.size(); i++) {
      PlanNode.Flatten head = head(children.get(i));
      if (head != null) {
        bySubgraph.computeIfAbsent(head.fetch().subgraph(), k -> new ArrayList<>()).add(i);
      }
    }
    List<PlanNode> out = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      PlanNode.Flatten head = head(children.get(i));
      List<Integer> together = head == null ? List.of(i) : bySubgraph.get(head.fetch().subgraph());
      if (together.size() < 2) {
        out.add(apply(children.get(i)));
      } else if (together.get(0) == i) {
        out.add(batched(together.stream().map(children::get).toList()));
      }
    }
    return PlanBuilder.wrap(out, false);
  }

  /** The batch of the children's first fetches, then the rest of every child side by side. */
  private PlanNode batched(List<PlanNode> children) {
    List<PlanNode> rests = new ArrayList<>();
    for (PlanNode child : children) {
      if (child instanceof PlanNode.Sequence sequence) {
        rests.add(PlanBuilder.wrap(sequence.nodes().subList(1, sequence.nodes().size()), true));
      }
    }
    PlanNode batch = batch(children.stream().map(FetchBatching::head).toList());
    PlanNode rest = rests.isEmpty() ? null : apply(PlanBuilder.wrap(rests, false));
    return rest == null ? batch : PlanBuilder.wrap(List.of(batch, rest), true);
  }

  /** The entity fetch a plan node starts with, if it starts with one. */
  private static PlanNode.Flatten head(PlanNode node) {
    if (node instanceof PlanNode.Flatten flatten) {
      return flatten;
    }
    if (node instanceof PlanNode.Sequence sequence && sequence.nodes().get(0) instanceof PlanNode.Flatten flatten) {
      return flatten;
    }
    return null;
  }

  /** What makes two entity fetches the same fetch at different paths. */
  private record PartKey(String selection, List<RepresentationShape> representations) {}

  private PlanNode.BatchFetch batch(List<PlanNode.Flatten> fetches) {
    Map<PartKey, List<PlanNode.Flatten>> parts = new LinkedHashMap<>();
    Set<String> used = new LinkedHashSet<>();
    for (PlanNode.Flatten f : fetches) {
      StringBuilder selection = new StringBuilder();
      SubgraphOperationPrinter.printSelection(selection, selections.get(f.fetch()));
      parts.computeIfAbsent(new PartKey(selection.toString(), f.fetch().representations()), k -> new ArrayList<>())
          .add(f);
      used.addAll(f.fetch().variableUsages());
    }
    List<PlanNode.BatchFetch.Part> batchParts = new ArrayList<>();
    List<BatchedEntities> printed = new ArrayList<>();
    for (List<PlanNode.Flatten> same : parts.values()) {
      String alias = "_e" + batchParts.size();
      String variable = "representations" + batchParts.size();
      PlanNode.Fetch fetch = same.get(0).fetch();
      batchParts.add(new PlanNode.BatchFetch.Part(alias, variable,
          same.stream().map(PlanNode.Flatten::path).toList(), fetch.representations(), fetch.renames()));
      printed.add(new BatchedEntities(alias, variable, selections.get(fetch)));
    }
    PlanNode.Fetch first = fetches.get(0).fetch();
    List<String> variables = List.copyOf(used);
    String text = SubgraphOperationPrinter.printBatch(first.operationName(), printed, variables, definitions);
    return new PlanNode.BatchFetch(first.subgraph(), first.serviceName(), text, first.operationName(), variables,
        List.copyOf(batchParts));
  }
}
