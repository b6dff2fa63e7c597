package dev.shopfed.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The default limits let through every operation of the app's contract and the standard introspection queries. */
class DefaultLimitsTest {

  private static final Path OPERATIONS = Path.of("..", "schema", "contract", "operations");
  private static final DocumentLimits DEFAULTS = new DocumentLimits(OperationLimits.defaults());

  static List<Path> contractOperations() throws IOException {
    try (Stream<Path> files = Files.list(OPERATIONS)) {
      return files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList();
    }
  }

  @Test
  void theContractHasOperations() throws IOException {
    assertThat(contractOperations()).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest
  @MethodSource("contractOperations")
  void everyContractOperationPasses(Path file) throws IOException {
    assertPasses(Files.readString(file));
  }

  @Test
  void graphqlJavasIntrospectionQueryPasses() {
    assertPasses(IntrospectionQuery.INTROSPECTION_QUERY);
  }

  @Test
  void graphiqlsIntrospectionQueryPasses() throws IOException {
    // graphql-js 16's getIntrospectionQuery with every option on, as GraphiQL sends it: depth 15
    String query = resource("/limits/graphiql-introspection.graphql");
    assertThat(DocumentMeasurer.measure(DEFAULTS.parse(query)).get(0).depth()).isEqualTo(15);
    assertPasses(query);
  }

  private static void assertPasses(String query) {
    assertThat(DEFAULTS.checkText(query)).isEmpty();
    assertThat(DEFAULTS.check(DEFAULTS.parse(query))).isEmpty();
  }

  static String resource(String name) throws IOException {
    try (InputStream in = DefaultLimitsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
