package dev.shopfed.schema.composition;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our composer against {@code @apollo/composition} 2.14.4 on the same inputs: the same supergraph once orders
 * are normalised, or the same error code. The corpus is checked against Apollo too, so a case cannot drift
 * into testing nothing.
 */
class DifferentialCompositionTest {

    @TempDir
    static Path shopCase;

    private static Map<Path, ApolloComposition.Outcome> apollo;

    @BeforeAll
    static void composeWithApollo() throws IOException, InterruptedException {
        Path schemas = Path.of("src/main/resources/schema");
        Files.copy(schemas.resolve("commerce.graphql"), shopCase.resolve("commerce.graphql"));
        Files.copy(schemas.resolve("promo.graphql"), shopCase.resolve("promo.graphql"));
        Files.copy(schemas.resolve("consent.graphql"), shopCase.resolve("consent.graphql"));
        List<Path> cases = new ArrayList<>(CompositionCases.all());
        cases.addAll(CompositionCases.all(CompositionCases.DATA_FLOW));
        cases.add(shopCase);
        apollo = ApolloComposition.compose(cases);
    }

    @Test
    void ourSubgraphsComposeExactlyAsApolloPrintsThem() {
        CompositionResult ours = Composer.compose(CompositionCases.sources(shopCase));
        ApolloComposition.Outcome theirs = apollo.get(shopCase);

        assertTrue(theirs.succeeded(), () -> String.join("\n", theirs.messages()));
        assertTrue(ours.succeeded(), () -> ours.errors().toString());
        assertEquals(theirs.supergraph(), ours.supergraphSdl());
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return CompositionCases.all().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    /**
     * The data-flow corpus is Apollo's too: its golden supergraphs are what Apollo writes, and the cases our flow
     * check refuses are ones Apollo composes (the refusal is ours alone, not a composition rule we missed).
     */
    @TestFactory
    Stream<DynamicTest> dataFlowCorpus() throws IOException {
        return CompositionCases.all(CompositionCases.DATA_FLOW).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    ApolloComposition.Outcome theirs = apollo.get(dir);
                    assertTrue(theirs.succeeded(), () -> "Apollo: " + theirs.codes() + " " + theirs.messages());
                    String golden = CompositionCases.golden(dir, "expected-supergraph");
                    if (golden != null) {
                        assertEquals(theirs.supergraph(), golden, "expected-supergraph is not Apollo's; rewrite it with "
                                + "node differential.mjs --write-expected");
                    }
                }));
    }

    private static void check(Path caseDirectory) {
        String expectedError = CompositionCases.expectedError(caseDirectory);
        ApolloComposition.Outcome theirs = apollo.get(caseDirectory);
        CompositionResult ours = Composer.compose(CompositionCases.sources(caseDirectory));
        if (expectedError != null) {
            assertTrue(theirs.codes().contains(expectedError), () -> "Apollo: " + theirs.codes() + " " + theirs.messages());
            List<String> codes = ours.errors().stream().map(CompositionError::code).toList();
            assertTrue(codes.contains(expectedError), () -> "ours: " + ours.errors() + "\nApollo: " + theirs.messages());
            // not only the expected rule: the same set of rules fire
            assertEquals(new TreeSet<>(theirs.codes()), new TreeSet<>(codes), () -> "ours: " + ours.errors());
            return;
        }
        assertTrue(theirs.succeeded(), () -> "Apollo: " + theirs.codes() + " " + theirs.messages());
        assertTrue(ours.succeeded(), () -> "ours: " + ours.errors());
        assertEquals(CanonicalSdl.of(theirs.supergraph()), CanonicalSdl.of(ours.supergraphSdl()));
        // beyond the same content, the same text: our printer orders like Apollo's
        assertEquals(theirs.supergraph(), ours.supergraphSdl(), "same supergraph, printed in a different order");
    }
}
