package dev.shopfed.schema.contract;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiSchemaTest {

    static String committedSupergraph() throws IOException {
        try (InputStream in = ApiSchemaTest.class.getResourceAsStream("/schema/supergraph.graphql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dropsJoinAndLinkMachinery() throws IOException {
        String printed = ApiSchema.fromSupergraph(committedSupergraph()).print();

        assertFalse(printed.contains("join__"), printed);
        assertFalse(printed.contains("link__"), printed);
        assertFalse(printed.contains("@link"), printed);
        assertFalse(printed.contains("@inaccessible"), printed);
        assertFalse(printed.contains("schema"), "default root names need no schema definition");
    }

    @Test
    void dropsInaccessibleElementsOnly() throws IOException {
        GraphQLSchema schema = ApiSchema.fromSupergraph(committedSupergraph()).toGraphQLSchema();

        GraphQLObjectType product = schema.getObjectType("Product");
        assertNull(product.getFieldDefinition("costPrice"));
        assertNotNull(product.getFieldDefinition("promoPrice"));
        GraphQLEnumType category = (GraphQLEnumType) schema.getType("Category");
        assertNull(category.getValue("LEGACY"));
        assertNotNull(category.getValue("TOYS"));
    }

    @Test
    void dropsInaccessibleTypesAndWhatReferencesThem() {
        String supergraph = """
                schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/inaccessible/v0.2", for: SECURITY) {
                  query: Query
                }
                directive @inaccessible on FIELD_DEFINITION | OBJECT | INTERFACE | UNION | ARGUMENT_DEFINITION | SCALAR | ENUM | ENUM_VALUE | INPUT_OBJECT | INPUT_FIELD_DEFINITION
                type Query { a: A b(secret: String @inaccessible, x: Int): Int all: [U] }
                type A implements Hidden { id: ID! }
                interface Hidden @inaccessible { id: ID! }
                type Secret @inaccessible { id: ID! }
                union U = A | Secret
                """;

        String printed = ApiSchema.fromSupergraph(supergraph).print();

        assertEquals("""
                type A {
                  id: ID!
                }

                type Query {
                  a: A
                  b(x: Int): Int
                  all: [U]
                }

                union U = A
                """, printed);
    }

    @Test
    void printsStably() throws IOException {
        ApiSchema api = ApiSchema.fromSupergraph(committedSupergraph());

        assertEquals(api.print(), ApiSchema.parse(api.print()).print());
    }
}
