package dev.shopfed.gateway.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.traffic.TrafficOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A plan of two dependent fetches (books, then authors' blurb of each book) whose first answer arrives after the
 * request's deadline: the second fetch is never sent, its field is null with a {@code GATEWAY_TIMEOUT} error at the
 * entity's path, and the first fetch's data is served.
 */
class RequestDeadlineTest {

  private static final String SDL = """
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
      {
        query: Query
      }

      directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
      directive @join__graph(name: String!, url: String!) on ENUM_VALUE
      directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
      directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA

      scalar join__FieldSet
      scalar link__Import

      enum join__Graph {
        AUTHORS @join__graph(name: "authors", url: "http://authors.invalid/graphql")
        BOOKS @join__graph(name: "books", url: "http://books.invalid/graphql")
      }

      enum link__Purpose {
        SECURITY
        EXECUTION
      }

      type Book @join__type(graph: AUTHORS, key: "id") @join__type(graph: BOOKS, key: "id") {
        id: ID!
        title: String @join__field(graph: BOOKS)
        blurb: String @join__field(graph: AUTHORS)
      }

      type Query @join__type(graph: AUTHORS) @join__type(graph: BOOKS) {
        books: [Book] @join__field(graph: BOOKS)
      }
      """;

  @Test
  void fetchesNotStartedByTheDeadlineAreSkipped() throws Exception {
    AtomicInteger authorsAsked = new AtomicInteger();
    SubgraphClient slowBooks = (subgraph, body, headers) -> {
      if (subgraph.name().equals("authors")) {
        authorsAsked.incrementAndGet();
        return CompletableFuture.completedFuture(new SubgraphClient.SubgraphResponse(200,
            "{\"data\":{\"_entities\":[{\"blurb\":\"sand\"}]}}".getBytes(StandardCharsets.UTF_8)));
      }
      // answers after the deadline, as a subgraph that ignores the gateway's timeout would
      return CompletableFuture.supplyAsync(() -> new SubgraphClient.SubgraphResponse(200,
          "{\"data\":{\"books\":[{\"__typename\":\"Book\",\"id\":\"1\",\"title\":\"Dune\"}]}}"
              .getBytes(StandardCharsets.UTF_8)), CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
    };
    GatewayOptions options = GatewayOptions.defaults().withTraffic(
        TrafficOptions.of(Duration.ofSeconds(5), 1 << 20).withRequestTimeout(Duration.ofMillis(100)));
    try (GatewayEngine engine = GatewayEngine.load(SDL, options, slowBooks)) {
      GatewayRequest request = new GatewayRequest("{ books { title blurb } }", null, Map.of(), Map.of(), Map.of(),
          false, false, false, "r-1");
      GatewayResponse response = engine.execute(request).get(10, TimeUnit.SECONDS);

      assertThat(authorsAsked).hasValue(0);
      assertThat(response.outcome()).isEqualTo(GatewayResponse.Outcome.EXECUTED);
      assertThat(new String(Json.write(response.body().get("data")), StandardCharsets.UTF_8))
          .isEqualTo("{\"books\":[{\"title\":\"Dune\",\"blurb\":null}]}");
      assertThat(response.body().get("errors")).isEqualTo(List.of(Map.of(
          "message", "The request's deadline passed before subgraph 'authors' answered (gateway.request-timeout)",
          "path", List.of("books", 0), // the entity's path, as for every entity fetch that failed whole
          "extensions", Map.of("code", "GATEWAY_TIMEOUT", "serviceName", "authors"))));
    }
  }
}
