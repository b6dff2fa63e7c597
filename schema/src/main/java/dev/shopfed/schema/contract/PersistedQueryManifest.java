package dev.shopfed.schema.contract;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The app's operations as a persisted query list in Apollo's manifest format
 * ({@code apollo-persisted-query-manifest}, version 1): one entry per operation, whose body is the operation
 * followed by the fragments it uses (from its own file first, then from the others) sorted by name, and whose id
 * is the SHA-256 of that body. The gateway's safelist ({@code gateway.persisted-queries.manifest}) reads it.
 */
public final class PersistedQueryManifest {

    /** One operation of the list. */
    public record Entry(String id, String name, String type, String body) {
    }

    private PersistedQueryManifest() {
    }

    /** The entries of every operation in {@code files}, in file order; throws on anonymous or duplicate names. */
    public static List<Entry> entries(List<Path> files) {
        Map<Path, Document> documents = new LinkedHashMap<>();
        Map<String, FragmentDefinition> shared = new LinkedHashMap<>();
        for (Path file : files) {
            Document document = Parser.parse(read(file));
            documents.put(file, document);
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> shared.putIfAbsent(f.getName(), f));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        documents.forEach((file, document) -> {
            Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
            document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f));
            shared.forEach(fragments::putIfAbsent);
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                Entry entry = entry(file, operation, fragments);
                if (entries.putIfAbsent(entry.name(), entry) != null) {
                    throw new IllegalArgumentException(file.getFileName() + ": operation " + entry.name()
                            + " is defined twice; persisted operations need unique names");
                }
            }
        });
        return List.copyOf(entries.values());
    }

    /** The manifest's JSON text. */
    public static String json(List<Entry> entries) {
        StringBuilder out = new StringBuilder();
        out.append("{\n  \"format\": \"apollo-persisted-query-manifest\",\n  \"version\": 1,\n  \"operations\": [");
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\n")
                    .append("      \"id\": ").append(quote(entry.id())).append(",\n")
                    .append("      \"name\": ").append(quote(entry.name())).append(",\n")
                    .append("      \"type\": ").append(quote(entry.type())).append(",\n")
                    .append("      \"body\": ").append(quote(entry.body())).append("\n")
                    .append("    }");
        }
        return out.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Entry entry(Path file, OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
        if (operation.getName() == null) {
            throw new IllegalArgumentException(file.getFileName() + ": an anonymous operation cannot be persisted; name it");
        }
        List<Definition> definitions = new ArrayList<>();
        definitions.add(operation);
        definitions.addAll(usedFragments(operation, fragments).values());
        String body = AstPrinter.printAst(Document.newDocument().definitions(definitions).build()).strip();
        String type = operation.getOperation().name().toLowerCase(Locale.ROOT);
        return new Entry(sha256(body), operation.getName(), type, body);
    }

    private static Map<String, FragmentDefinition> usedFragments(OperationDefinition operation,
                                                                 Map<String, FragmentDefinition> fragments) {
        Map<String, FragmentDefinition> used = new TreeMap<>();
        Deque<Node<?>> pending = new ArrayDeque<>();
        pending.push(operation);
        while (!pending.isEmpty()) {
            Node<?> node = pending.pop();
            if (node instanceof FragmentSpread spread && fragments.containsKey(spread.getName())
                    && used.putIfAbsent(spread.getName(), fragments.get(spread.getName())) == null) {
                pending.push(fragments.get(spread.getName()));
            }
            node.getChildren().forEach(pending::push);
        }
        return used;
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
