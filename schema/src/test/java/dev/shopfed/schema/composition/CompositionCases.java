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
 * {@code expected-error} file holding the error code.
 */
final class CompositionCases {

    private CompositionCases() {
    }

    static Path root() {
        try {
            return Path.of(CompositionCases.class.getResource("/composition").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> all() throws IOException {
        try (Stream<Path> cases = Files.list(root())) {
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
        Path expected = caseDirectory.resolve("expected-error");
        try {
            return Files.exists(expected) ? Files.readString(expected).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
