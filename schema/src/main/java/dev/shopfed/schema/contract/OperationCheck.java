package dev.shopfed.schema.contract;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import graphql.validation.rules.NoUnusedFragments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Validates the app's operations against an API schema. Each file is validated on its own, with the fragments
 * it uses from the other files added, so shared fragment files work as they do in the app.
 */
public final class OperationCheck {

    /** A problem with one operation file. */
    public record Problem(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    private OperationCheck() {
    }

    public static List<Path> operationFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".graphql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Problem> validate(GraphQLSchema schema, List<Path> files) {
        Map<String, Document> documents = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                documents.put(name, Parser.parse(Files.readString(file)));
            } catch (InvalidSyntaxException e) {
                problems.add(new Problem(name, "syntax error: " + e.getMessage()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        documents.values().forEach(d -> d.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.putIfAbsent(f.getName(), f)));
        documents.forEach((name, document) -> {
            // a file of shared fragments has no operation to use them; the files that spread them validate them
            boolean fragmentsOnly = document.getDefinitionsOfType(OperationDefinition.class).isEmpty();
            Predicate<Class<?>> rules = rule -> !(fragmentsOnly && rule == NoUnusedFragments.class);
            for (ValidationError error : new Validator().validateDocument(schema, withUsedFragments(document, fragments), rules, Locale.ENGLISH)) {
                problems.add(new Problem(name, error.getMessage()));
            }
        });
        return problems;
    }

    private static Document withUsedFragments(Document document, Map<String, FragmentDefinition> fragments) {
        Set<String> local = new LinkedHashSet<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> local.add(f.getName()));
        List<Definition> definitions = new ArrayList<>(document.getDefinitions());
        Set<String> added = new LinkedHashSet<>();
        Deque<Node> pending = new ArrayDeque<>();
        document.getDefinitions().forEach(pending::push);
        while (!pending.isEmpty()) {
            Node<?> node = pending.pop();
            if (node instanceof FragmentSpread spread && !local.contains(spread.getName()) && fragments.containsKey(spread.getName())
                    && added.add(spread.getName())) {
                FragmentDefinition fragment = fragments.get(spread.getName());
                definitions.add(fragment);
                pending.push(fragment);
            }
            node.getChildren().forEach(pending::push);
        }
        return document.transform(b -> b.definitions(definitions));
    }
}
