package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.print.NameOrder;
import dev.shopfed.schema.composition.print.SdlPrinter;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SdlPrinterTest {

    @Test
    void reprintsApolloOutputUnchanged() throws IOException {
        String supergraph = Files.readString(Path.of("src/main/resources/schema/supergraph.graphql"));

        String printed = SdlPrinter.print(Parser.parse(ParserEnvironment.newParserEnvironment().document(supergraph)
                .parserOptions(ParserOptions.getDefaultSdlParserOptions()).build()));

        assertEquals(supergraph, printed);
    }

    @Test
    void ordersNamesLikeJavaScriptLocaleCompare() {
        // expected order as printed by node: [...].sort((a, b) => a.localeCompare(b))
        List<String> names = new ArrayList<>(List.of("a_b", "ab", "a1", "aB", "Ab", "_x", "x", "A", "a", "Query", "query",
                "join__Graph", "joinGraph", "join_Graph", "T2", "T10", "t2", "Ab_c", "AbC"));

        names.sort(NameOrder.INSTANCE);

        assertEquals(List.of("_x", "a", "A", "a_b", "a1", "ab", "aB", "Ab", "Ab_c", "AbC", "join__Graph", "join_Graph",
                "joinGraph", "query", "Query", "T10", "t2", "T2", "x"), names);
    }

    @Test
    void printsValuesAsJavaScriptWould() {
        String sdl = "type Query { f(a: Float = 1.0, b: Float = 2.50, c: ID = \"7\", d: ID = \"x7\", e: String = \"q\\\"\", g: [Int] = [1, 2], h: In = {x: 1}): Int }\n"
                + "input In { x: Int }";

        String printed = SdlPrinter.print(Parser.parse(sdl));

        assertEquals("input In {\n  x: Int\n}\n\ntype Query {\n"
                + "  f(a: Float = 1, b: Float = 2.5, c: ID = 7, d: ID = \"x7\", e: String = \"q\\\"\", g: [Int] = [1, 2], h: In = {x: 1}): Int\n}", printed);
    }
}
