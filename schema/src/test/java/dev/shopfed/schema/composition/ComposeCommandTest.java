package dev.shopfed.schema.composition;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command the build runs, on copies of our two subgraphs. */
class ComposeCommandTest {

    private static final Path SCHEMAS = Path.of("src/main/resources/schema");
    private static final String COMMERCE = "commerce=http://localhost:4001/graphql";
    private static final String PROMO = "promo=http://localhost:4002/graphql";
    private static final String CONSENT = "consent=http://localhost:4000/consent/graphql";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private boolean run(String... args) throws IOException, InterruptedException {
        return ComposeCommand.run(args, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private void copySubgraphs() throws IOException {
        Files.copy(SCHEMAS.resolve("commerce.graphql"), dir.resolve("commerce.graphql"));
        Files.copy(SCHEMAS.resolve("promo.graphql"), dir.resolve("promo.graphql"));
        Files.copy(SCHEMAS.resolve("consent.graphql"), dir.resolve("consent.graphql"));
    }

    @Test
    void theCommittedSupergraphIsWhatOurComposerWrites() throws IOException, InterruptedException {
        copySubgraphs();
        Path out = dir.resolve("supergraph.graphql");

        assertTrue(run("--write", "--schema-dir", dir.toString(), "--out", out.toString(), COMMERCE, PROMO, CONSENT), log());

        assertEquals(Files.readString(SCHEMAS.resolve("supergraph.graphql")), Files.readString(out));
    }

    @Test
    void theSubgraphsComposeInTheOrderOfTheirNamesWhateverTheOrderGiven() throws IOException, InterruptedException {
        copySubgraphs();
        Path out = dir.resolve("supergraph.graphql");

        assertTrue(run("--write", "--schema-dir", dir.toString(), "--out", out.toString(), PROMO, CONSENT, COMMERCE), log());

        assertEquals(Files.readString(SCHEMAS.resolve("supergraph.graphql")), Files.readString(out));
    }

    @Test
    void checkFailsOnAStaleSupergraphAndPassesOnceRegenerated() throws IOException, InterruptedException {
        copySubgraphs();
        Path out = dir.resolve("supergraph.graphql");
        Files.copy(SCHEMAS.resolve("supergraph.graphql"), out);
        String promo = Files.readString(dir.resolve("promo.graphql"));
        Files.writeString(dir.resolve("promo.graphql"), promo.replace("  likeCount: Int!\n", "  likeCount: Int!\n  shareCount: Int!\n"));

        assertFalse(run("--check", "--schema-dir", dir.toString(), "--out", out.toString(), COMMERCE, PROMO, CONSENT));
        assertTrue(log().contains("is stale"), log());
        assertTrue(log().contains("shareCount: Int!"), log());
        assertTrue(log().contains(ComposeCommand.REGENERATE), log());

        assertTrue(run("--write", "--schema-dir", dir.toString(), "--out", out.toString(), COMMERCE, PROMO, CONSENT), log());
        assertTrue(run("--check", "--schema-dir", dir.toString(), "--out", out.toString(), COMMERCE, PROMO, CONSENT), log());
    }

    @Test
    void failsWithTheErrorCodeSubgraphTypeAndField() throws IOException, InterruptedException {
        copySubgraphs();
        String promo = Files.readString(dir.resolve("promo.graphql"));
        Files.writeString(dir.resolve("promo.graphql"), promo.replace("  activeCampaigns: [Campaign!] @listSize(assumedSize: 3)\n",
                "  activeCampaigns: [Campaign!] @listSize(assumedSize: 3)\n  description: String!\n"));
        Path out = dir.resolve("supergraph.graphql");

        assertFalse(run("--write", "--schema-dir", dir.toString(), "--out", out.toString(), COMMERCE, PROMO, CONSENT));

        assertFalse(Files.exists(out));
        assertTrue(log().contains("INVALID_FIELD_SHARING [commerce, promo] Product.description: Non-shareable field \"Product.description\""), log());
    }

    @Test
    void readsSubgraphSdlFromServiceQueryWhenNoSchemaDirIsGiven() throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve(server, "/commerce", Files.readString(SCHEMAS.resolve("commerce.graphql")));
        serve(server, "/promo", Files.readString(SCHEMAS.resolve("promo.graphql")));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Path out = dir.resolve("supergraph.graphql");

            assertTrue(run("--write", "--out", out.toString(), "commerce=" + base + "/commerce", "promo=" + base + "/promo"), log());

            String supergraph = Files.readString(out);
            assertTrue(supergraph.contains("COMMERCE @join__graph(name: \"commerce\", url: \"" + base + "/commerce\")"), supergraph);
            assertTrue(supergraph.contains("promoPrice: Money @join__field(graph: PROMO, requires: \"price { amount }\")"), supergraph);
        } finally {
            server.stop(0);
        }
    }

    /** Answers {@code _service { sdl }} like a federation subgraph. */
    private static void serve(HttpServer server, String path, String sdl) {
        server.createContext(path, exchange -> {
            String escaped = sdl.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            byte[] body = ("{\"data\":{\"_service\":{\"sdl\":\"" + escaped + "\"}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream response = exchange.getResponseBody()) {
                response.write(body);
            }
        });
    }
}
