package dev.shopfed.gateway.defer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.planning.QueryPlanner;
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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden plans of operations with {@code @defer}: the primary operation's plan, then each deferred fragment's (its
 * label, path and the part it waits for), each planned on its own. Run with {@code -Dgolden.update=true} to rewrite
 * the expected {@code .plan} files after an intended change, then review the diff.
 */
class DeferSplitGoldenTest {

  private static final Path QUERIES = Path.of("src/test/resources/defer/queries");
  private static final Path SUPERGRAPH = Path.of("src/test/resources/planning/basic/supergraph.graphql");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> plans() throws IOException {
    Supergraph supergraph = Supergraph.parse(Files.readString(SUPERGRAPH));
    try (Stream<Path> files = Files.list(QUERIES)) {
      return files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList().stream()
          .map(q -> DynamicTest.dynamicTest(q.getFileName().toString(), () -> check(supergraph, q)));
    }
  }

  private static void check(Supergraph supergraph, Path queryFile) throws IOException {
    String actual = printed(supergraph, Files.readString(queryFile));
    Path expectedFile = Path.of(queryFile.toString().replace(".graphql", ".plan"));
    if (UPDATE || !Files.exists(expectedFile)) {
      Files.writeString(expectedFile, actual + "\n");
    }
    assertThat(actual).isEqualTo(Files.readString(expectedFile).stripTrailing());
  }

  private static String printed(Supergraph supergraph, String query) {
    DeferSplit split = DeferredFragments.split(Parser.parse(query), null, Map.of());
    if (split == null) {
      return "# nothing deferred\n" + plan(supergraph, query);
    }
    StringBuilder out = new StringBuilder("# primary\n").append(plan(supergraph, split.primary()));
    for (int i = 0; i < split.deferred().size(); i++) {
      DeferredFragment fragment = split.deferred().get(i);
      out.append("\n# deferred ").append(i).append(" (label: ").append(fragment.label())
          .append(", path: ").append(String.join(".", fragment.path()))
          .append(", after: ").append(fragment.parent() < 0 ? "primary" : "deferred " + fragment.parent())
          .append(")\n").append(plan(supergraph, fragment.query()));
    }
    return out.toString();
  }

  private static String plan(Supergraph supergraph, String query) {
    Document document = Parser.parse(query);
    OperationDefinition operation = NodeUtil.getOperation(document, null).operationDefinition;
    CoercedVariables variables = ValuesResolver.coerceVariableValues(supergraph.apiSchema(),
        operation.getVariableDefinitions(), RawVariables.emptyVariables(), GraphQLContext.getDefault(), Locale.ENGLISH);
    var normalized = ExecutableNormalizedOperationFactory.createExecutableNormalizedOperation(
        supergraph.apiSchema(), document, null, variables);
    return new QueryPlanner(supergraph).plan(normalized, operation, Set.of()).text();
  }
}
