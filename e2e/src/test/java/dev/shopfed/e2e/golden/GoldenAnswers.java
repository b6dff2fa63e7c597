package dev.shopfed.e2e.golden;

import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the requests of one contract operation file through the gateway and compares what came back
 * with the stored answer {@code schema/contract/golden/<file>.json}, exactly (values, array order
 * and key order), after putting placeholders at the declared {@link Generated} paths.
 *
 * <p>With the system property {@code golden.update=true} it writes the answers instead of comparing
 * them (generated values must still have their shape). One instance serves a whole run, so a value
 * bound in one file (the order id from checkout) can be sent and checked in a later one.
 */
public final class GoldenAnswers {

  public static final String UPDATE_PROPERTY = "golden.update";
  public static final String UPDATE_COMMAND =
      "./mvnw -B verify -pl e2e -Dtest=GoldenAnswersTest -Dgolden.update=true";

  /** The stored request's buyer (sent as a bearer token from the dev issuer), null when anonymous. */
  static final String SIGNED_IN_AS = "signedInAs";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  // A named operation at the start of a line; the contract's documents name every operation.
  private static final Pattern OPERATION = Pattern.compile("(?m)^\\s*(?:query|mutation|subscription)\\s+(\\w+)");

  private final Gateway gateway;
  private final Operations operations;
  private final Path goldenDir;
  private final boolean update;
  private final Instant runStart = Instant.now();
  private final Map<String, String> bound = new HashMap<>();

  public GoldenAnswers(Gateway gateway, Operations operations) {
    this.gateway = gateway;
    this.operations = operations;
    this.goldenDir = operations.dir().resolveSibling("golden");
    this.update = Boolean.getBoolean(UPDATE_PROPERTY);
  }

  public Path goldenDir() {
    return goldenDir;
  }

  /**
   * Sends each request of {@code operations/<file>.graphql} in order, then compares the whole run
   * with {@code golden/<file>.json} (or rewrites it in update mode). All requests are sent even when
   * one differs, so the state that later files expect is still made.
   */
  public void check(String file, GoldenRequest... requests) {
    List<String> problems = new ArrayList<>();
    ArrayNode recorded = JSON.createArrayNode();
    for (int i = 0; i < requests.length; i++) {
      recorded.add(run(file, i, requests[i], problems));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.put("operations", "schema/contract/operations/" + file + ".graphql");
    answer.put("rewrite", UPDATE_COMMAND);
    answer.set("requests", recorded);

    Path stored = goldenDir.resolve(file + ".json");
    if (!problems.isEmpty()) {
      throw new AssertionError(file + ": generated values without their expected shape (nothing "
          + (update ? "written" : "compared") + "):\n  " + String.join("\n  ", problems));
    }
    if (update) {
      write(stored, JsonText.write(answer));
      return;
    }
    if (!Files.isRegularFile(stored)) {
      throw new AssertionError(file + ": no stored answer " + stored + "; record it with " + UPDATE_COMMAND);
    }
    JsonNode expected = read(stored);
    List<String> differences = JsonDiff.between(expected, answer);
    if (!differences.isEmpty()) {
      throw new AssertionError(file + ": the gateway's answers differ from schema/contract/golden/" + file
          + ".json (paths into the stored file):\n  "
          + String.join("\n  ", differences)
          + "\nIf the change is intended, rewrite the stored answers with " + UPDATE_COMMAND
          + " and review the diff.");
    }
  }

  /**
   * What the stored answers leave out: an operations file without {@code golden/<file>.json}, an
   * operation of a document that no stored request sends, or a stored answer for no operations file.
   */
  public List<String> coverageProblems() {
    List<String> problems = new ArrayList<>();
    Set<String> documents = new TreeSet<>();
    for (Path document : list(operations.dir(), ".graphql")) {
      String file = baseName(document, ".graphql");
      documents.add(file);
      Path stored = goldenDir.resolve(file + ".json");
      if (!Files.isRegularFile(stored)) {
        problems.add("operations/" + file + ".graphql has no stored answer golden/" + file + ".json");
        continue;
      }
      Set<String> sent = new TreeSet<>();
      read(stored).path("requests").forEach(request -> sent.add(request.path("operationName").asString()));
      Matcher named = OPERATION.matcher(readText(document));
      while (named.find()) {
        if (!sent.contains(named.group(1))) {
          problems.add("operation " + named.group(1) + " of operations/" + file + ".graphql is in no request of golden/"
              + file + ".json");
        }
      }
    }
    for (Path stored : list(goldenDir, ".json")) {
      if (!documents.contains(baseName(stored, ".json"))) {
        problems.add("golden/" + stored.getFileName() + " answers no file of operations/");
      }
    }
    return problems;
  }

  private ObjectNode run(String file, int index, GoldenRequest request, List<String> problems) {
    String where = file + ".json requests[" + index + "] " + request.operationName();
    Map<String, Object> sent = new LinkedHashMap<>();
    Map<String, Object> stored = new LinkedHashMap<>();
    request.variables().forEach((name, value) -> {
      if (value instanceof Generated generated) {
        String live = bound.get(generated.name());
        if (live == null) {
          throw new AssertionError(where + ": variable $" + name + " needs " + generated.placeholder()
              + ", which an earlier request should have produced (see the first failure of this run)");
        }
        sent.put(name, live);
        stored.put(name, generated.placeholder());
      } else {
        sent.put(name, value);
        stored.put(name, value);
      }
    });

    Operation operation = operations.get(file + ".graphql", request.operationName());
    Map<String, String> headers = request.userId() == null ? Map.of() : gateway.tokens().header(request.userId());
    GraphQLResponse response = gateway.send(operation, sent, headers);

    ObjectNode entry = JSON.createObjectNode();
    entry.put("operationName", request.operationName());
    if (request.userId() == null) {
      entry.putNull(SIGNED_IN_AS);
    } else {
      entry.put(SIGNED_IN_AS, request.userId());
    }
    entry.set("variables", JSON.valueToTree(stored));
    if (!request.generated().isEmpty()) {
      ObjectNode generated = entry.putObject("generated");
      request.generated().forEach((pointer, value) -> generated.put(pointer, value.placeholder()));
    }
    entry.put("status", response.status());
    if (response.body() == null) {
      entry.put("rawResponse", response.rawBody());
    } else {
      JsonNode body = response.body().deepCopy();
      request.generated().forEach((pointer, value) -> normalise(body, pointer, value, where, problems));
      entry.set("response", body);
    }
    return entry;
  }

  /** Checks the live value at {@code pointer}, binds or matches it, and replaces it by the placeholder. */
  private void normalise(JsonNode body, String pointer, Generated value, String where, List<String> problems) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode live = body.at(path);
    String problem = value.shape().problem(live, runStart, Instant.now());
    if (problem != null) {
      problems.add(where + " at " + pointer + ": " + problem);
      return;
    }
    String text = live.stringValue();
    String earlier = bound.putIfAbsent(value.name(), text);
    if (earlier != null && !earlier.equals(text)) {
      problems.add(where + " at " + pointer + ": \"" + text + "\", but " + value.placeholder() + " was \"" + earlier
          + "\" earlier in this run");
      return;
    }
    JsonNode parent = body.at(path.head());
    if (parent instanceof ObjectNode object) {
      object.put(path.last().getMatchingProperty(), value.placeholder());
    } else if (parent instanceof ArrayNode array) {
      array.set(path.last().getMatchingIndex(), JsonNodeFactory.instance.stringNode(value.placeholder()));
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String baseName(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (JacksonException e) {
      throw new AssertionError(file + " is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      boolean same = Files.isRegularFile(file) && Files.readString(file).equals(text);
      if (!same) {
        Files.writeString(file, text);
      }
      System.out.println("golden answer " + file.getFileName() + (same ? ": unchanged" : ": rewritten"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
