package dev.shopfed.schema.composition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus under test resources {@code composition/}: one directory per case, one {@code <name>.graphql} per
 * subgraph (composed in file-name order, url {@code http://<name>/graphql}), and for cases that must fail an
 * {@code expected-error} file holding the error code. The data-flow corpus ({@code data-flow/}) has the same
 * layout with golden files instead: {@code expected-supergraph} (Apollo's, written by
 * {@code compose/differential.mjs --write-expected}) and {@code expected-flows.jsonl}, or {@code expected-errors}
 * (one error per line, as the commands print them) for a case our flow check must refuse.
 */
final class CompositionCases {

    private CompositionCases() {
    }

    static final String COMPOSITION = "/composition";
    static final String DATA_FLOW = "/data-flow";

    static Path root(String corpus) {
        try {
            return Path.of(CompositionCases.class.getResource(corpus).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> all() throws IOException {
        return all(COMPOSITION);
    }

    static List<Path> all(String corpus) throws IOException {
        try (Stream<Path> cases = Files.list(root(corpus))) {
            return cases.filter(Files::isDirectory).sorted().toList();
        }
    }

    static List<SubgraphSource> sources(Path caseDirectory) {
        try (Stream<Path> files = Files.list(caseDirectory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".graphql"))
                    .sorted()
                    .map(CompositionCases::source)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SubgraphSource source(Path file) {
        String name = file.getFileName().toString().replace(".graphql", "");
        try {
            return new SubgraphSource(name, "http://" + name + "/graphql", Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error code the case must fail with, or null when it must compose. */
    static String expectedError(Path caseDirectory) {
        String expected = golden(caseDirectory, "expected-error");
        return expected == null ? null : expected.strip();
    }

    /** A golden file of the case, or null when it has none. */
    static String golden(Path caseDirectory, String name) {
        Path expected = caseDirectory.resolve(name);
        try {
            return Files.exists(expected) ? Files.readString(expected) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
