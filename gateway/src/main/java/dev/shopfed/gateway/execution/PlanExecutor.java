package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.planning.PlanNode;
import dev.shopfed.gateway.supergraph.Supergraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a plan against the subgraphs: sequences in order, parallel nodes at once, each entity fetch with the
 * representations of every object at its path in one request. A failing subgraph costs its own fields, never the
 * whole response.
 */
final class PlanExecutor {

  private final Supergraph supergraph;
  private final SubgraphClient client;

  PlanExecutor(Supergraph supergraph, SubgraphClient client) {
    this.supergraph = supergraph;
    this.client = client;
  }

  /** Everything about one request that a fetch needs. */
  record RequestScope(ResultTree tree, Map<String, Object> variables, Map<String, List<String>> headers) {}

  CompletableFuture<Void> execute(PlanNode node, RequestScope scope) {
    if (node == null) {
      return CompletableFuture.completedFuture(null);
    }
    if (node instanceof PlanNode.Sequence sequence) {
      CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
      for (PlanNode step : sequence.nodes()) {
        chain = chain.thenCompose(ignored -> execute(step, scope));
      }
      return chain;
    }
    if (node instanceof PlanNode.Parallel parallel) {
      return CompletableFuture.allOf(parallel.nodes().stream().map(n -> execute(n, scope)).toArray(CompletableFuture[]::new));
    }
    if (node instanceof PlanNode.Flatten flatten) {
      return entityFetch(flatten, scope);
    }
    return rootFetch((PlanNode.Fetch) node, scope);
  }

  private CompletableFuture<Void> rootFetch(PlanNode.Fetch fetch, RequestScope scope) {
    Map<String, Object> body = requestBody(fetch, scope.variables(), null);
    return send(fetch, body, scope).thenAccept(answer -> {
      if (answer == null) {
        return;
      }
      synchronized (scope.tree()) {
        if (answer.data() instanceof Map<?, ?> data) {
          scope.tree().merge(scope.tree().data, cast(data));
        }
        answer.errors().forEach(e -> scope.tree().errors.add(e));
      }
    });
  }

  private CompletableFuture<Void> entityFetch(PlanNode.Flatten flatten, RequestScope scope) {
    PlanNode.Fetch fetch = flatten.fetch();
    RepresentationBatch batch;
    synchronized (scope.tree()) {
      batch = RepresentationBatch.of(scope.tree().collect(flatten.path()), fetch.representations());
    }
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    Map<String, Object> body = requestBody(fetch, scope.variables(), batch.representations);
    return send(fetch, body, scope).thenAccept(answer -> {
      if (answer == null) {
        return;
      }
      synchronized (scope.tree()) {
        mergeEntities(answer, batch, scope.tree());
      }
    });
  }

  private static void mergeEntities(SubgraphAnswer answer, RepresentationBatch batch, ResultTree tree) {
    Object entities = answer.data() instanceof Map<?, ?> data ? data.get("_entities") : null;
    if (entities instanceof List<?> list) {
      for (int i = 0; i < list.size() && i < batch.targets.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> entity) {
          for (ResultTree.Located target : batch.targets.get(i)) {
            tree.merge(target.object(), cast(entity));
          }
        }
      }
    }
    for (Map<String, Object> error : answer.errors()) {
      tree.errors.add(EntityErrorPath.rewrite(error, batch));
    }
  }

  private Map<String, Object> requestBody(PlanNode.Fetch fetch, Map<String, Object> clientVariables,
      List<Map<String, Object>> representations) {
    Map<String, Object> variables = new LinkedHashMap<>();
    if (representations != null) {
      variables.put("representations", representations);
    }
    for (String name : fetch.variableUsages()) {
      if (clientVariables.containsKey(name)) {
        variables.put(name, clientVariables.get(name));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", fetch.operation());
    if (fetch.operationName() != null) {
      body.put("operationName", fetch.operationName());
    }
    if (!variables.isEmpty()) {
      body.put("variables", variables);
    }
    return body;
  }

  /** Sends the fetch; answers null (after recording an error) when the subgraph failed as a whole. */
  private CompletableFuture<SubgraphAnswer> send(PlanNode.Fetch fetch, Map<String, Object> body, RequestScope scope) {
    var subgraph = supergraph.subgraph(fetch.subgraph());
    CompletableFuture<SubgraphClient.SubgraphResponse> response;
    try {
      response = client.post(subgraph, Json.write(body), scope.headers());
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return response.handle((r, failure) -> {
      SubgraphAnswer answer = SubgraphAnswer.of(fetch.serviceName(), r, failure);
      if (answer.failed()) {
        scope.tree().fetchFailed = true;
        answer.errors().forEach(e -> scope.tree().errors.add(e));
        return null;
      }
      return answer;
    });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
