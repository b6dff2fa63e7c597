package dev.shopfed.gateway.persisted;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Hashing and comparing operation texts. */
final class OperationText {

  private OperationText() {}

  /** The SHA-256 of the UTF-8 text, lower-case hex, as APQ clients compute it. */
  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Whether {@code hash} looks like a SHA-256 in hex. */
  static boolean isSha256(String hash) {
    return hash.length() == 64 && hash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }

  /**
   * What runs when {@code query} is sent with {@code operationName}: the selected operation and the fragments it
   * uses, sorted by name, printed without comments or formatting. Two texts that run the same operation the same
   * way share this form, whatever their layout and whatever else their document holds. Empty when the text does
   * not parse or names no single operation.
   */
  static Optional<Canonical> canonical(String query, String operationName) {
    Document document;
    OperationDefinition operation;
    try {
      document = Parser.parse(query);
      operation = NodeUtil.getOperation(document, operationName).operationDefinition;
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    List<Definition> definitions = new ArrayList<>();
    definitions.add(operation);
    definitions.addAll(usedFragments(document, operation));
    String printed = AstPrinter.printAstCompact(Document.newDocument().definitions(definitions).build());
    return Optional.of(new Canonical(printed, operation.getName(), operation.getOperation()));
  }

  /** An operation in canonical form, with its name (null when anonymous) and kind. */
  record Canonical(String text, String name, OperationDefinition.Operation kind) {}

  private static List<FragmentDefinition> usedFragments(Document document, OperationDefinition operation) {
    Map<String, FragmentDefinition> declared = new TreeMap<>();
    document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> declared.putIfAbsent(f.getName(), f));
    Map<String, FragmentDefinition> used = new TreeMap<>();
    Deque<Node<?>> pending = new ArrayDeque<>();
    pending.push(operation);
    while (!pending.isEmpty()) {
      Node<?> node = pending.pop();
      if (node instanceof FragmentSpread spread && declared.containsKey(spread.getName())
          && used.putIfAbsent(spread.getName(), declared.get(spread.getName())) == null) {
        pending.push(declared.get(spread.getName()));
      }
      node.getChildren().forEach(pending::push);
    }
    return used.values().stream().sorted(Comparator.comparing(FragmentDefinition::getName)).toList();
  }
}
