package dev.shopfed.gateway.planning;

import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.ProvidedFields;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.language.OperationDefinition;
import graphql.language.VariableDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans client operations over one supergraph. The pipeline: walk the normalized operation into plan fields → route
 * each root field to a subgraph → place every field in fetch groups (jumping through keys, planning requirements) →
 * build the plan tree.
 */
public final class QueryPlanner {

  private static final Set<String> INTROSPECTION = Set.of("__schema", "__type");

  private final Supergraph supergraph;

  public QueryPlanner(Supergraph supergraph) {
    this.supergraph = supergraph;
  }

  public QueryPlan plan(ExecutableNormalizedOperation operation, OperationDefinition definition, Set<String> labels) {
    return plan(operation, definition, labels, Set.of());
  }

  /**
   * Plans the operation without the {@code excluded} fields (and what is below them): authorization left them out,
   * so no subgraph is asked for them; the response is still shaped from the whole operation.
   */
  public QueryPlan plan(ExecutableNormalizedOperation operation, OperationDefinition definition, Set<String> labels,
      Set<ExecutableNormalizedField> excluded) {
    FieldResolution resolution = new FieldResolution(supergraph, labels);
    SelectionPlanner planner = new SelectionPlanner(resolution);
    boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
    String rootType = rootTypeName(operation.getOperation());

    List<PlanField> rootFields = PlanField.fromNormalized(operation.getTopLevelFields(), excluded);
    boolean introspection = rootFields.stream().anyMatch(f -> INTROSPECTION.contains(f.name()));
    List<List<FetchGroup>> blocks = routeRootFields(planner, resolution, rootType, rootFields, mutation);
    RepresentationSources.resolve(planner.groups());
    ResponseShapeAliases.assign(supergraph, planner.groups(), rootType);

    String keyword = mutation ? "mutation" : "query";
    PlanNode root = new PlanBuilder(supergraph, keyword, operation.getOperationName(), variableDefinitions(definition))
        .build(blocks);
    return new QueryPlan(root, operation, introspection);
  }

  private List<List<FetchGroup>> routeRootFields(SelectionPlanner planner, FieldResolution resolution,
      String rootType, List<PlanField> rootFields, boolean sequential) {
    List<List<FetchGroup>> blocks = new ArrayList<>();
    Map<String, FetchGroup> rootGroups = new LinkedHashMap<>();
    FetchGroup last = null;
    int blockStart = 0;
    for (PlanField field : rootFields) {
      if (field.isTypename() || INTROSPECTION.contains(field.name())) {
        continue;
      }
      FieldInfo info = supergraph.field(rootType, field.name());
      String graph = chooseRootGraph(planner, resolution, info, field, sequential ? last : null, rootGroups);
      FetchGroup group = sequential ? (last != null && last.graph.equals(graph) ? last : null) : planner.rootGroup(graph);
      if (group == null) {
        if (sequential && last != null) {
          blocks.add(List.copyOf(planner.groups().subList(blockStart, planner.groups().size())));
          blockStart = planner.groups().size();
        }
        group = planner.newRootGroup(graph);
        rootGroups.put(graph, group);
      }
      planner.plan(group, group.selection, rootType, List.of(field), List.of(), ProvidedFields.NONE);
      last = group;
    }
    blocks.add(List.copyOf(planner.groups().subList(blockStart, planner.groups().size())));
    return blocks;
  }

  private String chooseRootGraph(SelectionPlanner planner, FieldResolution resolution, FieldInfo info,
      PlanField field, FetchGroup previous, Map<String, FetchGroup> rootGroups) {
    List<String> candidates = resolution.rootCandidates(info);
    if (candidates.isEmpty()) {
      throw new PlanningException("no subgraph serves root field " + info.parentType() + "." + info.name());
    }
    String best = null;
    int bestCost = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      boolean reused = previous != null ? previous.graph.equals(candidate) : rootGroups.containsKey(candidate);
      int cost = planner.cost().below(candidate, info, field, ProvidedFields.NONE) * 2 + (reused ? 0 : 1);
      if (cost < bestCost) {
        best = candidate;
        bestCost = cost;
      }
    }
    return best;
  }

  private String rootTypeName(OperationDefinition.Operation operation) {
    var schema = supergraph.apiSchema();
    return switch (operation) {
      case MUTATION -> schema.getMutationType().getName();
      case SUBSCRIPTION -> schema.getSubscriptionType().getName();
      default -> schema.getQueryType().getName();
    };
  }

  private static Map<String, VariableDefinition> variableDefinitions(OperationDefinition definition) {
    Map<String, VariableDefinition> map = new LinkedHashMap<>();
    for (VariableDefinition v : definition.getVariableDefinitions()) {
      map.put(v.getName(), v);
    }
    return map;
  }
}
