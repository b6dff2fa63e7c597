package dev.shopfed.schema.composition.dataflow;

import dev.shopfed.schema.composition.CompositionResult;
import dev.shopfed.schema.composition.Composer;
import dev.shopfed.schema.composition.SubgraphSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the flow check beyond the golden corpus: renamed imports, fragments, confinement from above. */
class DataFlowsTest {

    private static final String PRIVACY = """
            extend schema
              @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@composeDirective"])
              @link(url: "https://shopfed.dev/privacy/v0.1", import: [{name: "@personalData", as: "@pii"}, {name: "@consentPurpose", as: "@why"}])
              @composeDirective(name: "@pii")
              @composeDirective(name: "@why")
            directive @pii(category: String!, confined: Boolean! = false) on FIELD_DEFINITION | OBJECT
            directive @why(name: String!) on FIELD_DEFINITION | OBJECT
            """;

    private static CompositionResult compose(String a, String b) {
        return Composer.compose(List.of(new SubgraphSource("a", "http://a/graphql", PRIVACY + a),
                new SubgraphSource("b", "http://b/graphql", PRIVACY + b)));
    }

    @Test
    void followsThePrivacyDirectivesUnderTheNamesTheSupergraphImportsThemAs() {
        CompositionResult result = compose("""
                type Query { u: U }
                type U @key(fields: "id") { id: ID! email: String @pii(category: "contact") }
                """, """
                type U @key(fields: "id") { id: ID! email: String @external greeting: String @requires(fields: "email") @why(name: "greeting") }
                """);

        assertTrue(result.succeeded(), () -> result.errors().toString());
        assertEquals(List.of(new DataFlow("U.email", "contact", "a", "b", "greeting", "U.greeting", false)), result.dataFlows());
    }

    @Test
    void walksInlineFragmentsOfAbstractTypesWithoutNamingThemInThePath() {
        CompositionResult result = compose("""
                type Query { u: U }
                type U @key(fields: "id") { id: ID! media: Media }
                interface Media { id: ID! }
                type Photo implements Media @key(fields: "id") { id: ID! location: String @pii(category: "location") }
                """, """
                type U @key(fields: "id") { id: ID! media: Media @external tips: String @requires(fields: "media { ... on Photo { location } }") @why(name: "tips") }
                interface Media { id: ID! }
                type Photo implements Media @key(fields: "id") { id: ID! location: String @external }
                """);

        assertTrue(result.succeeded(), () -> result.errors().toString());
        assertEquals(List.of(new DataFlow("U.media.location", "location", "a", "b", "tips", "U.tips", false)), result.dataFlows());
    }

    @Test
    void dataBelowConfinedDataStaysConfinedWhateverItsOwnCategory() {
        CompositionResult result = compose("""
                type Query { u: U }
                type U @key(fields: "id") { id: ID! card: Card @pii(category: "payment", confined: true) }
                type Card @shareable { brand: String @pii(category: "brand") }
                """, """
                type U @key(fields: "id") { id: ID! card: Card @external offers: String @requires(fields: "card { brand }") @why(name: "offers") }
                type Card @shareable { brand: String }
                """);

        assertEquals(1, result.errors().size(), () -> result.errors().toString());
        assertEquals(DataFlows.CONFINED, result.errors().get(0).code());
        assertTrue(result.errors().get(0).message().contains("\"U.card.brand\" (category \"brand\")"), result.errors().get(0).message());
    }

    @Test
    void aSupergraphWithoutThePrivacySpecHasNoFlows() {
        String supergraph = Composer.compose(List.of(new SubgraphSource("a", "http://a/graphql", """
                extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
                type Query { u: U }
                type U @key(fields: "id") { id: ID! }
                """))).supergraphSdl();

        assertEquals(List.of(), DataFlows.of(supergraph));
    }

    @Test
    void theFlowRecordIsJsonWithANullPurposeWhenNoneIsDeclared() {
        DataFlow flow = new DataFlow("U.\"odd\"\\name", "c", "a", "b", null, DataFlow.KEY, false);

        assertEquals("{\"field\":\"U.\\\"odd\\\"\\\\name\",\"category\":\"c\",\"from\":\"a\",\"to\":\"b\",\"purpose\":null,\"via\":\"@key\"}",
                flow.json());
    }
}
