package dev.shopfed.gateway.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden planner tests: each folder under {@code planning/} holds subgraph SDLs, the supergraph composed from them,
 * and queries; each query's printed plan must equal the {@code .plan} file beside it (a query that cannot be planned
 * has its error there, as {@code PlanningException: message}). Run with
 * {@code -Dgolden.update=true} to rewrite the expected plans after an intended change, then review the diff.
 */
class QueryPlannerGoldenTest {

  private static final Path ROOT = Path.of("src/test/resources/planning");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicContainer> plans() throws IOException {
    List<DynamicContainer> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        Supergraph supergraph = Supergraph.parse(Files.readString(dir.resolve("supergraph.graphql")));
        try (Stream<Path> queries = Files.list(dir.resolve("queries"))) {
          List<DynamicTest> tests = queries.filter(p -> p.toString().endsWith(".graphql")).sorted()
              .map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> check(supergraph, q)))
              .toList();
          cases.add(DynamicContainer.dynamicContainer(dir.getFileName().toString(), tests));
        }
      }
    }
    return cases.stream();
  }

  private static void check(Supergraph supergraph, Path queryFile) throws IOException {
    String query = Files.readString(queryFile);
    String actual;
    try {
      actual = plan(supergraph, query, labels(query));
    } catch (PlanningException e) {
      actual = "PlanningException: " + e.getMessage();
    }
    Path expectedFile = Path.of(queryFile.toString().replace(".graphql", ".plan"));
    if (UPDATE || !Files.exists(expectedFile)) {
      Files.writeString(expectedFile, actual + "\n");
    }
    assertThat(actual).isEqualTo(Files.readString(expectedFile).stripTrailing());
  }

  static String plan(Supergraph supergraph, String query, Set<String> labels) {
    Document document = Parser.parse(query);
    OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
    CoercedVariables variables = ValuesResolver.coerceVariableValues(supergraph.apiSchema(),
        operation.getVariableDefinitions(), RawVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.ENGLISH);
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), document, null, variables);
    return new QueryPlanner(supergraph).plan(normalized, operation, labels).text();
  }

  private static Set<String> labels(String query) {
    return query.lines().filter(l -> l.startsWith("# labels:"))
        .flatMap(l -> Arrays.stream(l.substring("# labels:".length()).split(",")).map(String::trim))
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
  }
}
