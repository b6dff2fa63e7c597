package dev.shopfed.schema.composition;

import dev.shopfed.schema.composition.source.ServiceSdl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes subgraphs into a supergraph SDL.
 * <pre>
 * ComposeCommand [--write|--check] [--schema-dir dir] [--out supergraph.graphql] name=url ...
 * </pre>
 * Each subgraph's SDL comes from {@code <schema-dir>/<name>.graphql}, or without {@code --schema-dir} from its
 * url ({@code _service { sdl }}). {@code --write} writes the supergraph to {@code --out} (stdout without it);
 * {@code --check} fails when {@code --out} differs from the fresh composition. Composition errors are printed
 * with their codes and fail the command.
 */
public final class ComposeCommand {

    static final String REGENERATE = "./mvnw -B -pl schema -Pcompose process-classes";

    private ComposeCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (!run(args, System.out)) {
            throw new CommandFailure("Supergraph composition check failed; see above.");
        }
    }

    static boolean run(String[] args, PrintStream out) throws IOException, InterruptedException {
        Options options = Options.parse(args);
        List<SubgraphSource> sources = new ArrayList<>();
        for (String[] pair : options.subgraphs()) {
            sources.add(new SubgraphSource(pair[0], pair[1], sdl(options, pair[0], pair[1])));
        }
        CompositionResult result = Composer.compose(sources);
        if (!result.succeeded()) {
            out.println("Composition failed with " + result.errors().size() + " error(s):");
            result.errors().forEach(e -> out.println("  " + e));
            return false;
        }
        if (options.check()) {
            return check(options.out(), result.supergraphSdl(), out);
        }
        if (options.out() == null) {
            out.println(result.supergraphSdl());
            return true;
        }
        Files.writeString(options.out(), result.supergraphSdl());
        out.println("Wrote " + options.out() + " (" + sources.size() + " subgraphs)");
        return true;
    }

    private static String sdl(Options options, String name, String url) throws IOException, InterruptedException {
        if (options.schemaDir() != null) {
            return Files.readString(options.schemaDir().resolve(name + ".graphql"));
        }
        return ServiceSdl.fetch(url);
    }

    private static boolean check(Path committed, String fresh, PrintStream out) throws IOException {
        String current = Files.exists(committed) ? Files.readString(committed) : "";
        if (normalize(current).equals(normalize(fresh))) {
            out.println("Supergraph " + committed + " is up to date with its subgraphs");
            return true;
        }
        out.println("Supergraph " + committed + " is stale: it differs from the composition of its subgraphs.");
        out.println(firstDifference(current, fresh));
        out.println("Regenerate it with: " + REGENERATE);
        return false;
    }

    private static String normalize(String sdl) {
        return sdl.replace("\r\n", "\n").strip();
    }

    private static String firstDifference(String committed, String fresh) {
        String[] was = normalize(committed).split("\n", -1);
        String[] is = normalize(fresh).split("\n", -1);
        for (int i = 0; i < Math.max(was.length, is.length); i++) {
            String a = i < was.length ? was[i] : "<end of file>";
            String b = i < is.length ? is[i] : "<end of file>";
            if (!a.equals(b)) {
                return "  first difference at line " + (i + 1) + ":\n    committed: " + a + "\n    composed:  " + b;
            }
        }
        return "";
    }

    record Options(boolean check, Path schemaDir, Path out, List<String[]> subgraphs) {

        static Options parse(String[] args) {
            boolean check = false;
            Path schemaDir = null;
            Path out = null;
            List<String[]> subgraphs = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--check" -> check = true;
                    case "--write" -> check = false;
                    case "--schema-dir" -> schemaDir = Path.of(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> {
                        int separator = args[i].indexOf('=');
                        if (separator <= 0) {
                            throw new IllegalArgumentException("Expected name=url, got " + args[i]);
                        }
                        subgraphs.add(new String[]{args[i].substring(0, separator), args[i].substring(separator + 1)});
                    }
                }
            }
            if (subgraphs.isEmpty() || (check && out == null)) {
                throw new IllegalArgumentException(
                        "Usage: ComposeCommand [--write|--check] [--schema-dir <dir>] [--out <file>] <name>=<url> ...");
            }
            return new Options(check, schemaDir, out, subgraphs);
        }
    }
}
