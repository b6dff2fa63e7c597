package dev.shopfed.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.CoercedVariables;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientLocationsTest {

  private static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
      type Query { orders: [Order!]! search: [Result!]! }
      type Order { id: ID! secret: String lines: [Line!]! }
      type Line { sku: String! }
      type Note { secret: String }
      union Result = Order | Note
      """));

  private static final String QUERY = """
      query Orders {
        mine: orders {
          id
          ...Secret
          lines { sku }
        }
        search {
          ... on Order { secret }
          ... on Note { secret }
        }
      }
      fragment Secret on Order {
        secret
        ... { secret }
      }
      """;

  private final ExecutableNormalizedOperation operation = ExecutableNormalizedOperationFactory
      .createExecutableNormalizedOperation(SCHEMA, Parser.parse(QUERY), "Orders", CoercedVariables.emptyVariables());

  @Test
  void aFieldSelectedInSeveralPlacesGetsEachOfItsLocationsUnderItsAlias() {
    assertThat(ClientLocations.locations(operation, List.of("mine", 1, "secret")))
        .containsExactly(at(13, 3), at(14, 9));
    assertThat(ClientLocations.locations(operation, List.of("mine", 0, "lines", 2, "sku"))).containsExactly(at(5, 13));
  }

  @Test
  void aFieldOnSeveralMembersOfAUnionGetsTheLocationsOfEach() {
    assertThat(ClientLocations.locations(operation, List.of("search", 0, "secret")))
        .containsExactly(at(8, 20), at(9, 19));
  }

  @Test
  void aPathTheClientNeverSelectedHasNoLocations() {
    assertThat(ClientLocations.locations(operation, List.of("orders", 0, "id"))).isEmpty();
    assertThat(ClientLocations.locations(operation, List.of("mine", 0, "__typename"))).isEmpty();
    assertThat(ClientLocations.locations(operation, null)).isEmpty();
  }

  @Test
  void aSubgraphsLocationsAreReplacedAndTheGatewaysOwnErrorsLeftAsTheyAre() {
    Map<String, Object> subgraph = new LinkedHashMap<>();
    subgraph.put("message", "not allowed");
    subgraph.put("locations", List.of(at(1, 44)));
    subgraph.put("path", List.of("mine", 0, "secret"));
    Map<String, Object> unplaced = new LinkedHashMap<>(Map.of("message", "refused", "locations", List.of(at(1, 2))));
    Map<String, Object> own = GraphQLErrors.error("Cannot return null", List.of("mine", 0, "id"), null);

    List<Map<String, Object>> placed = ClientLocations.apply(operation, List.of(subgraph, unplaced, own));

    assertThat(placed.get(0)).containsExactly(Map.entry("message", "not allowed"),
        Map.entry("locations", List.of(at(13, 3), at(14, 9))), Map.entry("path", List.of("mine", 0, "secret")));
    assertThat(placed.get(1)).containsExactly(Map.entry("message", "refused"));
    assertThat(placed.get(2)).isSameAs(own);
  }

  private static Map<String, Object> at(int line, int column) {
    Map<String, Object> at = new LinkedHashMap<>();
    at.put("line", line);
    at.put("column", column);
    return at;
  }
}
