package dev.shopfed.schema.contract;

import dev.shopfed.schema.composition.CommandFailure;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Keeps the persisted query manifest in step with the app's operations.
 * <pre>
 * ManifestCommand --check|--write --operations dir --out persisted-query-manifest.json
 * </pre>
 * {@code --check} fails when the committed manifest is not what the operations produce; {@code --write}
 * regenerates it.
 */
public final class ManifestCommand {

    static final String REGENERATE = "./mvnw -B -pl schema -Pmanifest process-classes";

    private ManifestCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (!run(args, System.out)) {
            throw new CommandFailure("The persisted query manifest is stale; regenerate it with: " + REGENERATE);
        }
    }

    static boolean run(String[] args, PrintStream out) throws IOException {
        boolean write = false;
        Path operations = null;
        Path manifest = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--check" -> write = false;
                case "--write" -> write = true;
                case "--operations" -> operations = Path.of(args[++i]);
                case "--out" -> manifest = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        if (operations == null || manifest == null) {
            throw new IllegalArgumentException("Usage: ManifestCommand --check|--write --operations <dir> --out <file>");
        }
        List<PersistedQueryManifest.Entry> entries = PersistedQueryManifest.entries(OperationCheck.operationFiles(operations));
        String json = PersistedQueryManifest.json(entries);
        if (write) {
            Files.createDirectories(manifest.toAbsolutePath().getParent());
            Files.writeString(manifest, json);
            out.println("Wrote " + manifest + " (" + entries.size() + " operations)");
            return true;
        }
        if (Files.exists(manifest) && Files.readString(manifest).equals(json)) {
            out.println("Persisted query manifest " + manifest + " is up to date (" + entries.size() + " operations)");
            return true;
        }
        out.println("Persisted query manifest " + manifest + (Files.exists(manifest) ? " is stale" : " is missing"));
        return false;
    }
}
