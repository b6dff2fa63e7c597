package dev.shopfed.gateway.consent;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.GraphqlErrorException;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.SchemaExtensionDefinition;
import graphql.parser.Parser;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The consent API, answered by the gateway itself as the subgraph {@link ConsentOptions#subgraph()} of the supergraph:
 * the planner sends it root fields like any subgraph, and this runs them against the registry and the log for the
 * verified caller. Its schema is {@link #SDL}, which a supergraph composes in as that subgraph.
 */
public final class ConsentSubgraph {

  /** The subgraph's SDL, as it is composed into a supergraph. */
  public static final String SDL = read("consent-subgraph.graphql");
  private static final int MAX_CROSSINGS = 500;
  private static final String SUBJECT = "subject";

  private final ConsentRegistry registry;
  private final CrossingLog log;
  private final Set<String> purposes;
  private final GraphQL graphql;

  public ConsentSubgraph(ConsentRegistry registry, CrossingLog log, Set<String> purposes) {
    this.registry = registry;
    this.log = log;
    this.purposes = Set.copyOf(purposes);
    this.graphql = GraphQL.newGraphQL(schema()).build();
  }

  /** Runs one subgraph request body ({@code query}, {@code operationName}, {@code variables}) for the subject. */
  public CompletableFuture<Map<String, Object>> execute(Map<String, Object> body, String subject) {
    @SuppressWarnings("unchecked")
    Map<String, Object> variables = body.get("variables") instanceof Map<?, ?> v ? (Map<String, Object>) v : Map.of();
    ExecutionInput input = ExecutionInput.newExecutionInput((String) body.get("query"))
        .operationName((String) body.get("operationName"))
        .variables(variables)
        .graphQLContext(subject == null ? Map.of() : Map.of(SUBJECT, subject))
        .build();
    return graphql.executeAsync(input).thenApply(result -> result.toSpecification());
  }

  private GraphQLSchema schema() {
    RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
        .type("Query", t -> t
            .dataFetcher("myConsents", forSubject((env, subject) -> registry.consents(subject)
                .thenApply(ConsentSubgraph::consents)))
            .dataFetcher("myDataCrossings", forSubject((env, subject) -> log.of(subject, first(env))
                .thenApply(ConsentSubgraph::crossings))))
        .type("Mutation", t -> t
            .dataFetcher("grantConsent", forSubject((env, subject) -> registry.grant(subject, purpose(env))
                .thenApply(ConsentSubgraph::consents)))
            .dataFetcher("revokeConsent", forSubject((env, subject) -> registry.revoke(subject, purpose(env))
                .thenApply(ConsentSubgraph::consents))))
        .build();
    TypeDefinitionRegistry types = new SchemaParser().buildRegistry(withoutFederation(Parser.parse(SDL)));
    return new SchemaGenerator().makeExecutableSchema(types, wiring);
  }

  private interface SubjectFetcher {
    CompletableFuture<?> get(DataFetchingEnvironment env, String subject);
  }

  private static DataFetcher<CompletableFuture<?>> forSubject(SubjectFetcher fetcher) {
    return env -> {
      String subject = env.getGraphQlContext().get(SUBJECT);
      if (subject == null) {
        throw GraphqlErrorException.newErrorException().message("Sign in to see or change your consents")
            .extensions(Map.of("code", "UNAUTHENTICATED")).build();
      }
      return fetcher.get(env, subject);
    };
  }

  private String purpose(DataFetchingEnvironment env) {
    String purpose = env.getArgument("purpose");
    if (!purposes.contains(purpose)) {
      throw GraphqlErrorException.newErrorException()
          .message("Unknown purpose '" + purpose + "'; the purposes are: " + String.join(", ", purposes))
          .extensions(Map.of("code", "BAD_USER_INPUT")).build();
    }
    return purpose;
  }

  private static int first(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    return first == null ? 50 : Math.max(0, Math.min(first, MAX_CROSSINGS));
  }

  private static List<Map<String, Object>> consents(List<Consent> consents) {
    return consents.stream().map(c -> Map.<String, Object>of("purpose", c.purpose(),
        "grantedAt", c.grantedAt().toString())).toList();
  }

  private static List<Map<String, Object>> crossings(List<Crossing> crossings) {
    return crossings.stream().map(ConsentSubgraph::crossing).toList();
  }

  private static Map<String, Object> crossing(Crossing c) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("at", c.at().toString());
    map.put("fields", c.fields());
    map.put("categories", c.categories());
    map.put("fromSubgraph", c.fromSubgraph());
    map.put("toSubgraph", c.toSubgraph());
    map.put("purpose", c.purpose());
    map.put("requestId", c.requestId());
    return map;
  }

  /** The SDL without its federation link and directive applications, which only composition reads. */
  private static Document withoutFederation(Document sdl) {
    List<Definition> definitions = sdl.getDefinitions().stream()
        .filter(d -> !(d instanceof SchemaExtensionDefinition))
        .map(d -> d instanceof ObjectTypeDefinition type ? (Definition) withoutDirectives(type) : d)
        .toList();
    return sdl.transform(b -> b.definitions(definitions));
  }

  private static ObjectTypeDefinition withoutDirectives(ObjectTypeDefinition type) {
    List<FieldDefinition> fields = type.getFieldDefinitions().stream()
        .map(f -> f.transform(b -> b.directives(List.of()))).toList();
    return type.transform(b -> b.directives(List.of()).fieldDefinitions(fields));
  }

  private static String read(String resource) {
    try (InputStream in = ConsentSubgraph.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
