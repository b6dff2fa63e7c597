package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.planning.RepresentationShape.FieldShape;
import dev.shopfed.gateway.planning.RepresentationShape.SelectionShape;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.language.VariableDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns fetch groups into plan nodes: each group becomes a fetch (flattened at its path when it is an entity fetch);
 * groups run in waves, a wave in parallel, each wave after the groups it depends on.
 */
final class PlanBuilder {

  private final Supergraph supergraph;
  private final String keyword;
  private final String operationName;
  private final Map<String, VariableDefinition> variables;
  private int fetchIndex;
  /** What each entity fetch was printed from, for the batching pass. */
  private final Map<PlanNode.Fetch, SubgraphSelection> selections = new IdentityHashMap<>();

  PlanBuilder(Supergraph supergraph, String keyword, String operationName, Map<String, VariableDefinition> variables) {
    this.supergraph = supergraph;
    this.keyword = keyword;
    this.operationName = operationName;
    this.variables = variables;
  }

  /** One block per run of root fields that must complete before the next (mutations); queries have one. */
  PlanNode build(List<List<FetchGroup>> blocks) {
    List<PlanNode> steps = new ArrayList<>();
    for (List<FetchGroup> block : blocks) {
      PlanNode node = stages(block);
      if (node != null) {
        steps.add(node);
      }
    }
    return new FetchBatching(selections, variables).apply(wrap(steps, true));
  }

  /**
   * When every fetch depends on one other only (no requirement from a sibling), the plan is a tree: each fetch, then
   * its dependents in parallel, so no branch waits for another. Otherwise fetches run in waves.
   */
  private PlanNode stages(List<FetchGroup> groups) {
    boolean tree = groups.stream().allMatch(g -> g.dependsOn.size() <= (g.isEntityFetch() ? 1 : 0));
    if (!tree) {
      return waves(groups);
    }
    List<PlanNode> roots = new ArrayList<>();
    for (FetchGroup g : groups) {
      if (!g.isEntityFetch()) {
        addIfPresent(roots, subtree(g, groups));
      }
    }
    return wrap(roots, false);
  }

  private PlanNode subtree(FetchGroup group, List<FetchGroup> groups) {
    PlanNode own = group.selection.isEmpty() ? null : node(group);
    List<PlanNode> children = new ArrayList<>();
    for (FetchGroup g : groups) {
      if (g.dependsOn.contains(group)) {
        addIfPresent(children, subtree(g, groups));
      }
    }
    PlanNode after = wrap(children, false);
    List<PlanNode> sequence = new ArrayList<>();
    addIfPresent(sequence, own);
    addIfPresent(sequence, after);
    return wrap(sequence, true);
  }

  private static void addIfPresent(List<PlanNode> nodes, PlanNode node) {
    if (node != null) {
      nodes.add(node);
    }
  }

  private PlanNode waves(List<FetchGroup> groups) {
    Map<FetchGroup, Integer> level = new HashMap<>();
    int maxLevel = -1;
    for (FetchGroup g : groups) {
      maxLevel = Math.max(maxLevel, level(g, level));
    }
    List<PlanNode> sequence = new ArrayList<>();
    for (int l = 0; l <= maxLevel; l++) {
      List<PlanNode> parallel = new ArrayList<>();
      for (FetchGroup g : groups) {
        if (level.get(g) == l && !g.selection.isEmpty()) {
          parallel.add(node(g));
        }
      }
      PlanNode wave = wrap(parallel, false);
      if (wave != null) {
        sequence.add(wave);
      }
    }
    return wrap(sequence, true);
  }

  private static int level(FetchGroup g, Map<FetchGroup, Integer> levels) {
    Integer known = levels.get(g);
    if (known != null) {
      return known;
    }
    levels.put(g, 0); // a dependency cycle cannot occur, but must not recurse forever if it did
    int l = 0;
    for (FetchGroup d : g.dependsOn) {
      l = Math.max(l, level(d, levels) + 1);
    }
    levels.put(g, l);
    return l;
  }

  /** A sequence or parallel node of the given nodes; nested nodes of the same kind are inlined. */
  static PlanNode wrap(List<PlanNode> nodes, boolean sequence) {
    List<PlanNode> flat = new ArrayList<>();
    for (PlanNode n : nodes) {
      if (sequence && n instanceof PlanNode.Sequence s) {
        flat.addAll(s.nodes());
      } else if (!sequence && n instanceof PlanNode.Parallel p) {
        flat.addAll(p.nodes());
      } else {
        flat.add(n);
      }
    }
    if (flat.isEmpty()) {
      return null;
    }
    if (flat.size() == 1) {
      return flat.get(0);
    }
    return sequence ? new PlanNode.Sequence(List.copyOf(flat)) : new PlanNode.Parallel(List.copyOf(flat));
  }

  private PlanNode node(FetchGroup g) {
    String service = supergraph.subgraph(g.graph).name();
    String name = operationName == null ? null : operationName + "__" + service + "__" + fetchIndex;
    fetchIndex++;
    List<String> used = SubgraphOperationPrinter.variables(g.selection);
    String kind = g.isEntityFetch() ? "query" : keyword;
    String text = SubgraphOperationPrinter.print(kind, name, g.selection, g.isEntityFetch(), used, variables);
    List<RepresentationShape> representations = new ArrayList<>();
    g.inputs.forEach((type, input) -> representations.add(
        new RepresentationShape(type, g.representedAs.getOrDefault(type, type), shape(input),
            g.keyFields.getOrDefault(type, List.of()), concreteTypes(type))));
    PlanNode.Fetch fetch = new PlanNode.Fetch(g.graph, service, text, name, used, List.copyOf(representations),
        ResponseShapeAliases.renames(g.selection));
    selections.put(fetch, g.selection);
    return g.isEntityFetch() ? new PlanNode.Flatten(g.responsePath(), fetch) : fetch;
  }

  private java.util.Set<String> concreteTypes(String type) {
    var info = supergraph.type(type);
    return info != null && info.isAbstract() ? info.allPossibleTypes() : java.util.Set.of();
  }

  private static SelectionShape shape(SubgraphSelection selection) {
    List<FieldShape> fields = new ArrayList<>();
    for (SubgraphSelection.FieldSelection f : selection.fields()) {
      fields.add(new FieldShape(f.name, f.dataKey, f.children == null ? null : shape(f.children)));
    }
    Map<String, SelectionShape> fragments = new LinkedHashMap<>();
    selection.fragments().forEach((type, s) -> fragments.put(type, shape(s)));
    return new SelectionShape(List.copyOf(fields), fragments);
  }
}
