package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.subgraph.Coordinate;
import dev.shopfed.schema.composition.subgraph.Subgraph;
import dev.shopfed.schema.composition.subgraph.SubgraphParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubgraphParserTest {

    private static final String PLAIN = """
            extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
            type Query { product(id: ID!): Product }
            type Product @key(fields: "id") { id: ID! name: String @shareable }
            """;

    /** The same subgraph as a running service prints it for {@code _service { sdl }}, machinery included. */
    private static final String AS_SERVED = """
            schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"]) {
              query: Query
            }
            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            directive @key(fields: federation__FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE
            directive @shareable repeatable on OBJECT | FIELD_DEFINITION
            directive @federation__external(reason: String) on OBJECT | FIELD_DEFINITION
            scalar federation__FieldSet
            scalar link__Import
            enum link__Purpose { SECURITY EXECUTION }
            scalar _Any
            union _Entity = Product
            type _Service { sdl: String }
            type Query {
              product(id: ID!): Product
              _entities(representations: [_Any!]!): [_Entity]!
              _service: _Service!
            }
            type Product @key(fields: "id") { id: ID! name: String @shareable }
            """;

    @Test
    void composesTheServedSdlLikeThePlainOne() {
        CompositionResult plain = Composer.compose(List.of(new SubgraphSource("a", "http://a/graphql", PLAIN)));
        CompositionResult served = Composer.compose(List.of(new SubgraphSource("a", "http://a/graphql", AS_SERVED)));

        assertTrue(served.succeeded(), served.errors()::toString);
        assertEquals(plain.supergraphSdl(), served.supergraphSdl());
    }

    @Test
    void resolvesRenamedAndNamespacedFederationDirectives() {
        String sdl = """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", as: "fed", import: [{name: "@key", as: "@id"}])
                type Query { product: Product }
                type Product @id(fields: "upc") { upc: ID! name: String @fed__shareable weight: Int @fed__external }
                """;

        Subgraph subgraph = SubgraphParser.parse(new SubgraphSource("a", "http://a", sdl)).subgraph();

        assertEquals("upc", subgraph.keys("Product").get(0).fields());
        assertTrue(subgraph.isShareable(new Coordinate("Product", "name")));
        assertTrue(subgraph.isExternal(new Coordinate("Product", "weight")));
        assertFalse(subgraph.types().containsKey("_Service"));
    }

    @Test
    void reportsFederationOneSubgraphsAsUnsupported() {
        CompositionResult result = Composer.compose(List.of(new SubgraphSource("old", "http://old", "type Query { a: Int }")));

        assertEquals(List.of("UNSUPPORTED_FEATURE"), result.errors().stream().map(CompositionError::code).toList());
        assertEquals(List.of("old"), result.errors().get(0).subgraphs());
    }

    @Test
    void reportsSyntaxErrorsAsInvalidGraphql() {
        CompositionResult result = Composer.compose(List.of(new SubgraphSource("broken", "http://b", "type Query {")));

        assertEquals("INVALID_GRAPHQL", result.errors().get(0).code());
    }
}
