package dev.shopfed.bench;

import com.apollographql.federation.graphqljava.Federation;
import dev.shopfed.gateway.execution.Json;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A {@link SubgraphClient} that answers from subgraphs executed in this JVM (graphql-java + federation-jvm), with
 * every answer memoized by (subgraph, request body), like the Node benchmark subgraphs' {@code SUBGRAPH_MEMO=1}: after
 * the first request of each kind, a fetch costs a map lookup, so a benchmark measures the gateway engine only.
 */
final class InProcessSubgraphs implements SubgraphClient {

  private final Map<String, GraphQL> subgraphs = new LinkedHashMap<>();
  private final Map<String, byte[]> memo = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  /**
   * Adds a subgraph.
   *
   * @param name     the subgraph name of the supergraph's {@code @join__graph(name:)}
   * @param sdl      its Federation 2 SDL
   * @param wiring   its resolvers
   * @param entities resolves one representation ({@code __typename} + key fields) to the entity, or null
   */
  InProcessSubgraphs add(String name, String sdl, RuntimeWiring wiring,
      Function<Map<String, Object>, Map<String, Object>> entities) {
    DataFetcher<List<Object>> fetchEntities = env -> {
      List<Map<String, Object>> representations = env.getArgument("representations");
      return representations.stream().map(r -> (Object) entities.apply(r)).toList();
    };
    var schema = Federation.transform(sdl, wiring)
        .fetchEntities(fetchEntities)
        .resolveEntityType(env -> {
          Map<String, Object> entity = env.getObject();
          return (GraphQLObjectType) env.getSchema().getType((String) entity.get("__typename"));
        })
        .build();
    subgraphs.put(name, GraphQL.newGraphQL(schema).build());
    return this;
  }

  long requests() {
    return requests.get();
  }

  /** The longest memoized answer so far. */
  byte[] largestAnswer() {
    return memo.values().stream().max(java.util.Comparator.comparingInt(a -> a.length)).orElse(new byte[0]);
  }

  @Override
  public CompletableFuture<SubgraphResponse> post(Subgraph subgraph, byte[] body, Map<String, List<String>> headers) {
    requests.incrementAndGet();
    String key = subgraph.name() + '\n' + new String(body, StandardCharsets.UTF_8);
    byte[] answer = memo.computeIfAbsent(key, k -> execute(subgraph.name(), body));
    return CompletableFuture.completedFuture(new SubgraphResponse(200, answer));
  }

  @SuppressWarnings("unchecked")
  private byte[] execute(String name, byte[] body) {
    GraphQL graphql = subgraphs.get(name);
    if (graphql == null) {
      throw new IllegalStateException("no in-process subgraph " + name);
    }
    Map<String, Object> request = (Map<String, Object>) Json.read(body);
    Map<String, Object> variables = request.get("variables") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    ExecutionResult result = graphql.execute(ExecutionInput.newExecutionInput((String) request.get("query"))
        .operationName((String) request.get("operationName"))
        .variables(variables)
        .build());
    if (!result.getErrors().isEmpty()) {
      throw new IllegalStateException(name + " answered errors " + result.getErrors() + " to " + request.get("query"));
    }
    return Json.write(result.toSpecification());
  }
}
