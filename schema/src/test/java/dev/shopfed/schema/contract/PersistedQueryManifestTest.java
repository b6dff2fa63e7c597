package dev.shopfed.schema.contract;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The persisted query manifest generated from the app's operations, and the committed copy the gateway reads. */
class PersistedQueryManifestTest {

    static final Path OPERATIONS = Path.of("contract/operations");
    static final Path COMMITTED = Path.of("src/main/resources/schema/persisted-query-manifest.json");

    @TempDir
    Path dir;

    @Test
    void committedManifestIsWhatTheOperationFilesProduce() throws IOException {
        String generated = PersistedQueryManifest.json(PersistedQueryManifest.entries(OperationCheck.operationFiles(OPERATIONS)));
        assertEquals(generated, Files.readString(COMMITTED),
                "stale persisted query manifest; regenerate it with " + ManifestCommand.REGENERATE);
    }

    @Test
    void everyOperationOfEveryFileIsListedOnceWithItsTypeAndTheHashOfItsBody() throws IOException {
        List<PersistedQueryManifest.Entry> entries = PersistedQueryManifest.entries(OperationCheck.operationFiles(OPERATIONS));
        Set<String> declared = new TreeSet<>();
        for (Path file : OperationCheck.operationFiles(OPERATIONS)) {
            Parser.parse(Files.readString(file)).getDefinitionsOfType(OperationDefinition.class)
                    .forEach(o -> declared.add(o.getName()));
        }
        assertEquals(declared, entries.stream().map(PersistedQueryManifest.Entry::name).collect(Collectors.toCollection(TreeSet::new)));
        for (PersistedQueryManifest.Entry entry : entries) {
            assertEquals(PersistedQueryManifest.sha256(entry.body()), entry.id(), entry.name());
            Document body = Parser.parse(entry.body());
            OperationDefinition operation = body.getDefinitionsOfType(OperationDefinition.class).get(0);
            assertEquals(1, body.getDefinitionsOfType(OperationDefinition.class).size(), entry.name());
            assertEquals(entry.name(), operation.getName());
            assertEquals(operation.getOperation().name().toLowerCase(), entry.type());
        }
        assertEquals("mutation", entries.stream().filter(e -> e.name().equals("Checkout")).findFirst().orElseThrow().type());
    }

    @Test
    void bodiesCarryOnlyTheFragmentsTheyUseIncludingThoseOfOtherFiles() throws IOException {
        operation("a.graphql", "query A { book { ...Title } }\nquery B { book { id } }\nfragment Unused on Book { id }");
        operation("shared.graphql", "fragment Title on Book { title ...Id }\nfragment Id on Book { id }");

        Map<String, PersistedQueryManifest.Entry> entries = PersistedQueryManifest.entries(OperationCheck.operationFiles(dir.resolve("operations")))
                .stream().collect(Collectors.toMap(PersistedQueryManifest.Entry::name, e -> e));

        assertEquals(Set.of("A", "B"), entries.keySet());
        assertEquals(List.of("Id", "Title"), fragmentNames(entries.get("A")));
        assertEquals(List.of(), fragmentNames(entries.get("B")));
    }

    @Test
    void anonymousAndDuplicateOperationsAreRefused() throws IOException {
        operation("a.graphql", "{ book { id } }");
        assertThrows(IllegalArgumentException.class, () -> PersistedQueryManifest.entries(OperationCheck.operationFiles(dir.resolve("operations"))));

        operation("a.graphql", "query A { book { id } }");
        operation("b.graphql", "query A { book { title } }");
        assertThrows(IllegalArgumentException.class, () -> PersistedQueryManifest.entries(OperationCheck.operationFiles(dir.resolve("operations"))));
    }

    @Test
    void checkFailsWhenStaleAndPassesAfterWrite() throws IOException {
        operation("a.graphql", "query A { book { id } }");
        Path manifest = dir.resolve("out/manifest.json");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        String[] check = {"--check", "--operations", dir.resolve("operations").toString(), "--out", manifest.toString()};

        assertFalse(ManifestCommand.run(check, out));
        assertTrue(ManifestCommand.run(new String[]{"--write", "--operations", dir.resolve("operations").toString(),
                "--out", manifest.toString()}, out));
        assertTrue(ManifestCommand.run(check, out), log.toString(StandardCharsets.UTF_8));
        operation("a.graphql", "query A { book { id title } }");
        assertFalse(ManifestCommand.run(check, out));
    }

    @Test
    void jsonEscapesWhatJsonMust() {
        String json = PersistedQueryManifest.json(List.of(new PersistedQueryManifest.Entry("i", "N", "query",
                "query N { f(a: \"x\\\\y\") }\n\t\u0001")));
        assertTrue(json.contains("\"body\": \"query N { f(a: \\\"x\\\\\\\\y\\\") }\\n\\t\\u0001\""), json);
    }

    private static List<String> fragmentNames(PersistedQueryManifest.Entry entry) {
        return Parser.parse(entry.body()).getDefinitionsOfType(FragmentDefinition.class).stream()
                .map(FragmentDefinition::getName).toList();
    }

    private void operation(String file, String text) throws IOException {
        Files.createDirectories(dir.resolve("operations"));
        Files.writeString(dir.resolve("operations").resolve(file), text);
    }
}
