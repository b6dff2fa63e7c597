package dev.shopfed.schema.composition.dataflow;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command printing the flow map, on cases of the data-flow corpus. */
class DataFlowCommandTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private boolean run(String... args) throws IOException, InterruptedException {
        return DataFlowCommand.run(args, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private static Path corpusCase(String name) throws URISyntaxException {
        return Path.of(DataFlowCommandTest.class.getResource("/data-flow/" + name).toURI());
    }

    @Test
    void printsOneRowPerFlowUnderAHeader() throws Exception {
        Path dir = corpusCase("requires-with-purpose");

        assertTrue(run("--schema-dir", dir.toString(), "commerce=http://commerce/graphql", "promo=http://promo/graphql"), log());

        assertEquals("""
                2 personal data flow(s) between subgraphs:
                FIELD                            CATEGORY          FROM → TO         PURPOSE                  VIA
                User.purchaseHistory.categories  purchase-history  commerce → promo  personalised-promotions  User.recommendedCampaigns
                User.purchaseHistory.shopIds     purchase-history  commerce → promo  personalised-promotions  User.recommendedCampaigns
                """, log());
    }

    @Test
    void printsTheFlowRecordsAsJsonLinesFromASupergraph() throws Exception {
        Path dir = corpusCase("key-flow");

        assertTrue(run("--json", "--supergraph", dir.resolve("expected-supergraph").toString()), log());

        assertEquals(Files.readString(dir.resolve("expected-flows.jsonl")), log());
    }

    @Test
    void failsNamingTheFieldOfAFlowWithoutPurpose() throws Exception {
        Path dir = corpusCase("fails-requires-without-purpose");

        assertFalse(run("--schema-dir", dir.toString(), "commerce=http://commerce/graphql", "promo=http://promo/graphql"));

        assertTrue(log().startsWith("Composition failed with 2 error(s):\n"), log());
        assertTrue(log().contains("  PERSONAL_DATA_FLOW_WITHOUT_PURPOSE [commerce, promo] User.purchaseHistory.categories: "), log());
    }

    @Test
    void saysSoWhenTheSupergraphDoesNotLinkThePrivacySpec() throws Exception {
        Path dir = corpusCase("without-privacy-spec");

        assertTrue(run("--supergraph", dir.resolve("expected-supergraph").toString()), log());

        assertEquals("The supergraph does not link https://shopfed.dev/privacy: no data is classified as personal.\n", log());
    }

    @Test
    void saysSoWhenNoPersonalDataFlows() throws Exception {
        Path dir = corpusCase("subgraph-without-spec");

        assertTrue(run("--supergraph", dir.resolve("expected-supergraph").toString()), log());

        assertEquals("No personal data flows between subgraphs.\n", log());
    }
}
