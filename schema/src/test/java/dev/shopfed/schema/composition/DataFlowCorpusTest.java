package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.dataflow.DataFlow;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden cases of the personal data flow check: each composes to Apollo's supergraph with exactly the flows
 * of {@code expected-flows.jsonl}, or fails with exactly the errors of {@code expected-errors}.
 */
class DataFlowCorpusTest {

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return CompositionCases.all(CompositionCases.DATA_FLOW).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path caseDirectory) {
        CompositionResult ours = Composer.compose(CompositionCases.sources(caseDirectory));
        String expectedErrors = CompositionCases.golden(caseDirectory, "expected-errors");
        if (expectedErrors != null) {
            assertFalse(ours.succeeded(), "composed although the case must fail");
            assertEquals(expectedErrors, ours.errors().stream().map(e -> e + "\n").collect(Collectors.joining()));
            return;
        }
        assertTrue(ours.succeeded(), () -> "ours: " + ours.errors());
        String supergraph = CompositionCases.golden(caseDirectory, "expected-supergraph");
        assertNotNull(supergraph, "a composing case needs expected-supergraph");
        assertEquals(supergraph, ours.supergraphSdl());
        String flows = CompositionCases.golden(caseDirectory, "expected-flows.jsonl");
        assertNotNull(flows, "a composing case needs expected-flows.jsonl");
        assertEquals(flows, ours.dataFlows().stream().map(f -> f.json() + "\n").collect(Collectors.joining()));
        assertTrue(ours.dataFlows().stream().noneMatch(DataFlow::confined), "a composed supergraph has no confined flow");
    }
}
