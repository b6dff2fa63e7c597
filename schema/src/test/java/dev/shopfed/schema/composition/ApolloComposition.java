package dev.shopfed.schema.composition;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The differential oracle: {@code @apollo/composition} run through {@code schema/compose/differential.mjs}
 * on Node, installed with npm on first use. Every process is bounded by a timeout and killed after it.
 */
final class ApolloComposition {

    /** Apollo's outcome for one case directory: a supergraph, or errors with their codes. */
    record Outcome(String supergraph, List<String> codes, List<String> messages) {
        boolean succeeded() {
            return supergraph != null;
        }
    }

    static final Path COMPOSE_DIR = Path.of("compose").toAbsolutePath();

    private ApolloComposition() {
    }

    static Map<Path, Outcome> compose(List<Path> caseDirectories) throws IOException, InterruptedException {
        ensureInstalled();
        List<String> command = new ArrayList<>(List.of("node", "differential.mjs"));
        caseDirectories.forEach(d -> command.add(d.toAbsolutePath().toString()));
        String output = run(command, 180);
        JsonNode json = new ObjectMapper().readTree(output);
        Map<Path, Outcome> outcomes = new LinkedHashMap<>();
        for (Path directory : caseDirectories) {
            JsonNode result = json.get(directory.toAbsolutePath().toString());
            if (result.has("supergraph")) {
                outcomes.put(directory, new Outcome(result.get("supergraph").asString(), List.of(), List.of()));
                continue;
            }
            List<String> codes = new ArrayList<>();
            List<String> messages = new ArrayList<>();
            result.get("errors").forEach(e -> {
                codes.add(e.get("code").asString());
                messages.add(e.get("message").asString());
            });
            outcomes.put(directory, new Outcome(null, codes, messages));
        }
        return outcomes;
    }

    private static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isDirectory(COMPOSE_DIR.resolve("node_modules/@apollo/composition"))) {
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
    }

    private static String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("oracle", ".out");
        Path stderr = Files.createTempFile("oracle", ".err");
        try {
            Process process = new ProcessBuilder(command).directory(COMPOSE_DIR.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeoutSeconds + "s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(stderr));
            }
            return Files.readString(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
