package dev.shopfed.schema.composition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@code @composeDirective} cases the differential corpus cannot hold: {@code @apollo/composition} 2.14.4 throws
 * ("Should not have been called for undefined") instead of reporting them.
 */
class ComposeDirectiveTest {

    private static SubgraphSource subgraph(String name, String imports, String directive) {
        return new SubgraphSource(name, "http://" + name + "/graphql", """
                extend schema
                  @link(url: "https://specs.apollo.dev/federation/v2.1", import: ["@key", "@composeDirective"])
                  @link(url: "https://x.dev/x/v1.0", import: [%s])
                  @composeDirective(name: "@%s")
                directive @%s(v: Int) on FIELD_DEFINITION
                type Query { %s: Int @%s(v: 1) }
                """.formatted(imports, directive, directive, name, directive));
    }

    @Test
    void aDirectiveComposedUnderTwoNamesIsAnError() {
        CompositionResult result = Composer.compose(List.of(subgraph("a", "\"@x\"", "x"),
                subgraph("b", "{name: \"@x\", as: \"@y\"}", "y")));

        assertFalse(result.succeeded());
        assertEquals(List.of("DIRECTIVE_COMPOSITION_ERROR [a, b] Composed directive is not named consistently in all subgraphs: "
                + "it is named \"@x\" in subgraph \"a\" but \"@y\" in subgraph \"b\""), result.errors().stream().map(Object::toString).toList());
    }
}
