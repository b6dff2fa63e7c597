package dev.shopfed.gateway.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.execution.RawVariables;
import graphql.execution.ValuesResolver;
import graphql.language.Document;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden examples under {@code src/test/resources/cost/cases/}: an operation ({@code query.graphql}, optional
 * {@code variables.json}) on {@code cost/supergraph.graphql} (composed from {@code shop-subgraph.graphql}), its
 * expected estimated cost (or why it cannot be estimated) and, given the returned {@code data.json}, its actual
 * cost. Each expectation is worked out by hand from the cost rules in {@code README.md}. Every case also runs on
 * the same supergraph with the directives imported under other names.
 */
class CostGoldenTest {

  private static final Path ROOT = Path.of("src/test/resources/cost");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Stream<Arguments> cases() throws IOException {
    List<Path> cases;
    try (Stream<Path> dirs = Files.list(ROOT.resolve("cases"))) {
      cases = dirs.filter(Files::isDirectory).sorted().toList();
    }
    return Stream.of("supergraph.graphql", "supergraph-renamed.graphql")
        .flatMap(s -> cases.stream().map(c -> Arguments.of(c.getFileName().toString(), s)));
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void costMatchesTheHandWorkedExpectation(String name, String supergraphFile) throws IOException {
    Supergraph supergraph = Supergraph.parse(Files.readString(ROOT.resolve(supergraphFile)));
    DemandControl demandControl = new DemandControl(supergraph, DemandControlOptions.defaults());
    Path dir = ROOT.resolve("cases").resolve(name);
    Document document = Parser.parse(Files.readString(dir.resolve("query.graphql")));
    OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
    CoercedVariables variables = ValuesResolver.coerceVariableValues(supergraph.apiSchema(),
        operation.getVariableDefinitions(), RawVariables.of(json(dir.resolve("variables.json"))),
        GraphQLContext.getDefault(), Locale.ENGLISH);
    ExecutableNormalizedOperation normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), document, null, variables);
    Map<String, Object> expected = json(dir.resolve("expected.json"));

    CostEstimate estimate = demandControl.estimate(normalized, variables);

    if (expected.containsKey("failure")) {
      assertNull(estimate.estimated());
      assertEquals(expected.get("failure"), estimate.failure());
      return;
    }
    assertEquals(((Number) expected.get("estimated")).doubleValue(), estimate.estimated(), "estimated");
    if (expected.containsKey("actual")) {
      double actual = demandControl.actual(normalized, json(dir.resolve("data.json")), variables);
      assertEquals(((Number) expected.get("actual")).doubleValue(), actual, "actual");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Path file) {
    if (!Files.exists(file)) {
      return Map.of();
    }
    try {
      return JSON.readValue(Files.readString(file), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
