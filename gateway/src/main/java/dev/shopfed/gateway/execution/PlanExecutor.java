package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.consent.ConsentScope;
import dev.shopfed.gateway.consent.ConsentStage;
import dev.shopfed.gateway.consent.ConsentSubgraph;
import dev.shopfed.gateway.consent.CrossingGuard;
import dev.shopfed.gateway.planning.PlanNode;
import dev.shopfed.gateway.planning.RepresentationShape;
import dev.shopfed.gateway.planning.ResponseRenames;
import dev.shopfed.gateway.supergraph.Supergraph;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a plan against the subgraphs: sequences in order, parallel nodes at once, each entity fetch with the
 * representations of every object at its path in one request. A failing subgraph costs its own fields, never the
 * whole response.
 */
final class PlanExecutor {

  private final Supergraph supergraph;
  private final SubgraphClient client;
  private final SubgraphErrorMasking masking;
  private final ConsentStage consent;
  /** The gateway's own answers (the consent API's) need no masking: their errors are written for clients. */
  private static final SubgraphErrorMasking OWN_ERRORS = new SubgraphErrorMasking(true);

  PlanExecutor(Supergraph supergraph, SubgraphClient client, SubgraphErrorMasking masking, ConsentStage consent) {
    this.supergraph = supergraph;
    this.client = client;
    this.masking = masking;
    this.consent = consent;
  }

  /** Everything about one request that a fetch needs. */
  record RequestScope(ResultTree tree, Map<String, Object> variables, FetchHeaders headers, ResponseBudget budget,
      String requestId, ConsentScope consent, SubgraphCall call) {}

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
    if (node instanceof PlanNode.BatchFetch batch) {
      return batchFetch(batch, scope);
    }
    return rootFetch((PlanNode.Fetch) node, scope);
  }

  private CompletableFuture<Void> rootFetch(PlanNode.Fetch fetch, RequestScope scope) {
    Map<String, Object> body = requestBody(fetch.operation(), fetch.operationName(), fetch.variableUsages(), Map.of(),
        scope.variables());
    return send(fetch.subgraph(), fetch.serviceName(), body, scope, () -> FetchPaths.rootFields(fetch.operation()))
        .thenAccept(answer -> {
      if (answer == null) {
        return;
      }
      synchronized (scope.tree()) {
        if (answer.data() instanceof Map<?, ?> data) {
          fetch.renames().apply(data);
          scope.tree().merge(scope.tree().data, cast(data));
        } else if (!answer.errors().isEmpty()) {
          scope.tree().nulledBySubgraph.addAll(FetchPaths.rootFields(fetch.operation()));
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
    Map<String, Object> body = requestBody(fetch.operation(), fetch.operationName(), fetch.variableUsages(),
        Map.of("representations", batch.representations), scope.variables());
    return guarded(fetch.serviceName(), fetch.representations(), scope, () -> FetchPaths.entities(List.of(batch)))
        .thenCompose(allowed -> !allowed ? CompletableFuture.<SubgraphAnswer>completedFuture(null)
            : send(fetch.subgraph(), fetch.serviceName(), body, scope, () -> FetchPaths.entities(List.of(batch))))
        .thenAccept(answer -> {
      if (answer == null) {
        return;
      }
      synchronized (scope.tree()) {
        Object entities = answer.data() instanceof Map<?, ?> data ? data.get("_entities") : null;
        if (entities == null && !answer.errors().isEmpty()) {
          scope.tree().nulledBySubgraph.addAll(FetchPaths.entities(List.of(batch)));
        }
        mergeEntities(entities, batch, fetch.renames(), scope.tree());
        for (Map<String, Object> error : answer.errors()) {
          scope.tree().errors.add(EntityErrorPath.rewrite(error, "_entities", batch));
        }
      }
    });
  }

  /** Several entity fetches in one request: each part's objects gathered from all its paths, answered under its alias. */
  private CompletableFuture<Void> batchFetch(PlanNode.BatchFetch fetch, RequestScope scope) {
    Map<String, RepresentationBatch> batches = new LinkedHashMap<>();
    Map<String, Object> representations = new LinkedHashMap<>();
    synchronized (scope.tree()) {
      for (PlanNode.BatchFetch.Part part : fetch.parts()) {
        List<ResultTree.Located> objects = new ArrayList<>();
        part.paths().forEach(path -> objects.addAll(scope.tree().collect(path)));
        RepresentationBatch batch = RepresentationBatch.of(objects, part.representations());
        batches.put(part.alias(), batch);
        representations.put(part.variable(), batch.representations);
      }
    }
    if (batches.values().stream().allMatch(RepresentationBatch::isEmpty)) {
      return CompletableFuture.completedFuture(null);
    }
    Map<String, Object> body = requestBody(fetch.operation(), fetch.operationName(), fetch.variableUsages(),
        representations, scope.variables());
    List<RepresentationShape> shapes = fetch.parts().stream().flatMap(p -> p.representations().stream()).toList();
    return guarded(fetch.serviceName(), shapes, scope, () -> FetchPaths.entities(batches.values()))
        .thenCompose(allowed -> !allowed ? CompletableFuture.<SubgraphAnswer>completedFuture(null)
            : send(fetch.subgraph(), fetch.serviceName(), body, scope, () -> FetchPaths.entities(batches.values())))
        .thenAccept(answer -> {
      if (answer == null) {
        return;
      }
      synchronized (scope.tree()) {
        Map<?, ?> data = answer.data() instanceof Map<?, ?> d ? d : Map.of();
        if (answer.data() == null && !answer.errors().isEmpty()) {
          scope.tree().nulledBySubgraph.addAll(FetchPaths.entities(batches.values()));
        }
        Map<String, ResponseRenames> renames = new LinkedHashMap<>();
        fetch.parts().forEach(part -> renames.put(part.alias(), part.renames()));
        batches.forEach((alias, batch) -> mergeEntities(data.get(alias), batch, renames.get(alias), scope.tree()));
        for (Map<String, Object> error : answer.errors()) {
          scope.tree().errors.add(rewriteBatchError(error, batches));
        }
      }
    });
  }

  /**
   * The crossing guard's verdict on sending these representations to the subgraph: true once every crossing they
   * make is in the log; false, after an error at each of the fetch's fields, when they may not leave.
   */
  private CompletableFuture<Boolean> guarded(String serviceName, List<RepresentationShape> shapes, RequestScope scope,
      Supplier<List<List<Object>>> fieldPaths) {
    CrossingGuard guard = consent.guard();
    if (guard == null) {
      return CompletableFuture.completedFuture(true);
    }
    return guard.beforeSend(serviceName, shapes, scope.consent()).thenApply(verdict -> {
      if (verdict.allowed()) {
        return true;
      }
      synchronized (scope.tree()) {
        for (List<Object> path : fieldPaths.get()) {
          scope.tree().errors.add(GraphQLErrors.error(verdict.message(), path, verdict.code()));
        }
      }
      return false;
    });
  }

  /** An error under one part's alias gets that part's entity path; others pass as they are. */
  private static Map<String, Object> rewriteBatchError(Map<String, Object> error,
      Map<String, RepresentationBatch> batches) {
    if (error.get("path") instanceof List<?> path && !path.isEmpty() && batches.get(path.get(0)) != null) {
      return EntityErrorPath.rewrite(error, (String) path.get(0), batches.get(path.get(0)));
    }
    return error;
  }

  private static void mergeEntities(Object entities, RepresentationBatch batch, ResponseRenames renames,
      ResultTree tree) {
    if (!(entities instanceof List<?> list)) {
      return;
    }
    for (int i = 0; i < list.size() && i < batch.targets.size(); i++) {
      if (list.get(i) instanceof Map<?, ?> entity) {
        // an entity's answer need not carry its __typename: its representation does
        renames.applyAs(cast(entity), String.valueOf(batch.representations.get(i).get("__typename")));
        for (ResultTree.Located target : batch.targets.get(i)) {
          tree.merge(target.object(), cast(entity));
        }
      }
    }
  }

  private static Map<String, Object> requestBody(String operation, String operationName, List<String> variableUsages,
      Map<String, Object> representations, Map<String, Object> clientVariables) {
    Map<String, Object> variables = new LinkedHashMap<>(representations);
    for (String name : variableUsages) {
      if (clientVariables.containsKey(name)) {
        variables.put(name, clientVariables.get(name));
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", operation);
    if (operationName != null) {
      body.put("operationName", operationName);
    }
    if (!variables.isEmpty()) {
      body.put("variables", variables);
    }
    return body;
  }

  /**
   * Sends the request; answers null (after recording an error) when the subgraph failed as a whole, and null without
   * sending once the request's response budget is spent. An answer over the size cap fails its fetch with an error
   * at each of {@code fieldPaths}.
   */
  private CompletableFuture<SubgraphAnswer> send(String subgraphId, String serviceName, Map<String, Object> body,
      RequestScope scope, Supplier<List<List<Object>>> fieldPaths) {
    if (scope.budget().exceeded()) {
      return CompletableFuture.completedFuture(null);
    }
    if (scope.call().expired()) { // the remaining fetches of the plan are skipped
      failed(SubgraphAnswer.deadlinePassed(serviceName), scope, fieldPaths);
      return CompletableFuture.completedFuture(null);
    }
    var subgraph = supergraph.subgraph(subgraphId);
    ConsentSubgraph local = consent.subgraph(serviceName);
    CompletableFuture<SubgraphClient.SubgraphResponse> response;
    try {
      response = local != null
          ? local.execute(body, scope.consent().subject()).thenApply(a -> new SubgraphClient.SubgraphResponse(200,
              Json.write(a)))
          : client.post(subgraph, Json.write(body), scope.headers().request(subgraph), scope.call());
    } catch (RuntimeException e) {
      response = CompletableFuture.failedFuture(e);
    }
    return response.handle((r, failure) -> {
      if (r != null) {
        scope.headers().answered(subgraph, r.headers());
      }
      if (r != null && r.body() != null && !scope.budget().chargeSubgraphAnswer(r.body().length)) {
        return null; // the response will be refused as a whole: not worth parsing
      }
      SubgraphAnswer answer = failure != null && scope.call().expired()
          && SubgraphAnswer.cause(failure, HttpTimeoutException.class) != null
          ? SubgraphAnswer.deadlinePassed(serviceName)
          : SubgraphAnswer.of(serviceName, r, failure, local != null ? OWN_ERRORS : masking, scope.requestId());
      if (answer.failed()) {
        failed(answer, scope, fieldPaths);
        return null;
      }
      return answer;
    });
  }

  private static void failed(SubgraphAnswer answer, RequestScope scope, Supplier<List<List<Object>>> fieldPaths) {
    scope.tree().fetchFailed = true;
    errorsAt(answer, fieldPaths).forEach(e -> scope.tree().errors.add(e));
  }

  /**
   * The error of a failed fetch once per path of the fetch's fields, as Apollo Router places it (Apollo Gateway gives
   * one error without a path); a subgraph's own refusal of the request as it answered.
   */
  private static List<Map<String, Object>> errorsAt(SubgraphAnswer answer, Supplier<List<List<Object>>> fieldPaths) {
    if (!answer.placedAtFields()) {
      return answer.errors();
    }
    List<List<Object>> paths = fieldPaths.get();
    if (paths.isEmpty()) {
      return answer.errors();
    }
    Map<String, Object> error = answer.errors().get(0);
    List<Map<String, Object>> placed = new ArrayList<>(paths.size());
    for (List<Object> path : paths) {
      // the spec's order: message, path, then the rest
      Map<String, Object> copy = new LinkedHashMap<>();
      copy.put("message", error.get("message"));
      copy.put("path", path);
      error.forEach(copy::putIfAbsent);
      placed.add(copy);
    }
    return placed;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
