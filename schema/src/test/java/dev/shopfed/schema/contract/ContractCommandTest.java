package dev.shopfed.schema.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command as the build runs it, on copies of the committed supergraph. */
class ContractCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private boolean run(String mode, Path supergraph) throws IOException {
        return ContractCommand.run(new String[]{mode, "--supergraph", supergraph.toString(),
                "--contract", dir.resolve("api-schema.graphql").toString(),
                "--operations", dir.resolve("operations").toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private Path supergraph(String sdl) throws IOException {
        return Files.writeString(dir.resolve("supergraph.graphql"), sdl);
    }

    private void operation(String file, String text) throws IOException {
        Files.createDirectories(dir.resolve("operations"));
        Files.writeString(dir.resolve("operations").resolve(file), text);
    }

    @Test
    void updateThenCheckPasses() throws IOException {
        Path supergraph = supergraph(ApiSchemaTest.committedSupergraph());

        assertTrue(run("--update", supergraph), log());
        assertTrue(run("--check", supergraph), log());
        assertTrue(log().contains("0 breaking change(s), 0 safe change(s)"), log());
    }

    @Test
    void checkFailsWithoutAContract() throws IOException {
        assertFalse(run("--check", supergraph(ApiSchemaTest.committedSupergraph())));
        assertTrue(log().contains("-Pcontract"), log());
    }

    @Test
    void checkFailsOnARemovedFieldAndPassesOnAnAddedOne() throws IOException {
        String original = ApiSchemaTest.committedSupergraph();
        assertTrue(run("--update", supergraph(original)), log());

        // The field with its description, if any.
        String removed = original.replaceFirst("(  \"\"\"[^\"]*\"\"\"\n)?  stock: Int @join__field\\(graph: COMMERCE[^\n]*\n", "");
        assertFalse(run("--check", supergraph(removed)), log());
        assertTrue(log().contains("BREAKING FIELD_REMOVED              Product.stock: was Int"), log());

        String added = original.replace("  imageUrl: String! @join__field(graph: COMMERCE)\n",
                "  imageUrl: String! @join__field(graph: COMMERCE)\n  weightGrams: Int @join__field(graph: COMMERCE)\n");
        assertTrue(run("--check", supergraph(added)), log());
        assertTrue(log().contains("safe     FIELD_ADDED                Product.weightGrams: Int"), log());
    }

    @Test
    void checkFailsOnAnOperationThatNoLongerValidates() throws IOException {
        Path supergraph = supergraph(ApiSchemaTest.committedSupergraph());
        operation("fragments.graphql", "fragment Price on Money { amount formatted }");
        operation("product.graphql", "query Product($id: ID!) { product(id: $id) { name price { ...Price } } }");
        assertTrue(run("--update", supergraph), log());
        assertTrue(run("--check", supergraph), log());

        operation("stock.graphql", "query Stock($id: ID!) { product(id: $id) { costPrice { amount } } }");
        assertFalse(run("--check", supergraph), log());
        assertTrue(log().contains("OPERATION stock.graphql:"), log());
        assertTrue(log().contains("costPrice"), log());
    }
}
