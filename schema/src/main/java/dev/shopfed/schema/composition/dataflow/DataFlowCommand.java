package dev.shopfed.schema.composition.dataflow;

import dev.shopfed.schema.composition.CommandFailure;
import dev.shopfed.schema.composition.CompositionError;
import dev.shopfed.schema.composition.CompositionResult;
import dev.shopfed.schema.composition.Composer;
import dev.shopfed.schema.composition.SubgraphSource;
import dev.shopfed.schema.composition.source.ServiceSdl;
import graphql.language.Document;
import graphql.parser.Parser;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints the map of personal data flowing between subgraphs.
 * <pre>
 * DataFlowCommand [--json] --supergraph supergraph.graphql
 * DataFlowCommand [--json] [--schema-dir dir] name=url ...
 * </pre>
 * Reads a supergraph, or composes the subgraphs (SDL from {@code <schema-dir>/<name>.graphql}, or from each url's
 * {@code _service { sdl }}), and prints one row per flow: field, category, from → to, purpose, via. {@code --json}
 * prints one JSON object per flow and line instead, the record the gateway serves. Fails when composition fails,
 * which includes a flow without a purpose and any flow of confined data.
 */
public final class DataFlowCommand {

    private DataFlowCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (!run(args, System.out)) {
            throw new CommandFailure("The personal data flows are not allowed; see above.");
        }
    }

    public static boolean run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        List<DataFlow> flows;
        boolean linked;
        if (options.supergraph() != null) {
            Document supergraph = Parser.parse(Files.readString(options.supergraph()));
            linked = DataFlows.linksPrivacy(supergraph);
            flows = DataFlows.of(supergraph);
            List<CompositionError> violations = DataFlows.violations(flows);
            if (!violations.isEmpty()) {
                return failed(violations, out);
            }
        } else {
            CompositionResult result = Composer.compose(sources(options));
            if (!result.succeeded()) {
                return failed(result.errors(), out);
            }
            linked = DataFlows.linksPrivacy(Parser.parse(result.supergraphSdl()));
            flows = result.dataFlows();
        }
        if (options.json()) {
            flows.forEach(f -> out.println(f.json()));
            return true;
        }
        if (!linked) {
            out.println("The supergraph does not link " + DataFlows.PRIVACY_IDENTITY + ": no data is classified as personal.");
            return true;
        }
        out.println(flows.isEmpty() ? "No personal data flows between subgraphs." : table(flows));
        return true;
    }

    private static boolean failed(List<CompositionError> errors, PrintStream out) {
        out.println("Composition failed with " + errors.size() + " error(s):");
        errors.forEach(e -> out.println("  " + e));
        return false;
    }

    private static List<SubgraphSource> sources(Options options) throws IOException, InterruptedException {
        List<SubgraphSource> sources = new ArrayList<>();
        for (String[] pair : options.subgraphs()) {
            String sdl = options.schemaDir() != null
                    ? Files.readString(options.schemaDir().resolve(pair[0] + ".graphql"))
                    : ServiceSdl.fetch(pair[1]);
            sources.add(new SubgraphSource(pair[0], pair[1], sdl));
        }
        return sources;
    }

    /** The flows as aligned columns under a header. */
    static String table(List<DataFlow> flows) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"FIELD", "CATEGORY", "FROM → TO", "PURPOSE", "VIA"});
        for (DataFlow flow : flows) {
            rows.add(new String[]{flow.field(), flow.category(), flow.from() + " → " + flow.to(),
                    flow.purpose() == null ? "-" : flow.purpose(), flow.via()});
        }
        int[] widths = new int[5];
        rows.forEach(r -> {
            for (int i = 0; i < r.length; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        });
        StringBuilder table = new StringBuilder(flows.size() + " personal data flow(s) between subgraphs:\n");
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString().stripTrailing();
    }

    record Options(boolean json, Path supergraph, Path schemaDir, List<String[]> subgraphs) {

        static Options parse(String[] args) {
            boolean json = false;
            Path supergraph = null;
            Path schemaDir = null;
            List<String[]> subgraphs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--table" -> json = false;
                    case "--supergraph" -> supergraph = Path.of(args[++i]);
                    case "--schema-dir" -> schemaDir = Path.of(args[++i]);
                    default -> {
                        int separator = args[i].indexOf('=');
                        if (separator <= 0) {
                            throw new IllegalArgumentException("Expected name=url, got " + args[i]);
                        }
                        subgraphs.add(new String[]{args[i].substring(0, separator), args[i].substring(separator + 1)});
                    }
                }
            }
            if ((supergraph == null) == subgraphs.isEmpty()) {
                throw new IllegalArgumentException("Usage: DataFlowCommand [--json] --supergraph <file>"
                        + " | DataFlowCommand [--json] [--schema-dir <dir>] <name>=<url> ...");
            }
            return new Options(json, supergraph, schemaDir, subgraphs);
        }
    }
}
