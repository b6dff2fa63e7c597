package dev.shopfed.gateway.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One operation of a fixture's corpus: {@code differential/<fixture>/<name>.graphql}, with
 * optional {@code <name>.variables.json} and, for the cases where Apollo Gateway is known to answer
 * wrongly, {@code <name>.expected.json} holding the answer the specification gives. A document with
 * several operations names the one to run in a {@code # operationName: X} line.
 *
 * @param specified the specified answer, or null when Apollo Gateway's answer is the reference
 */
record CorpusCase(String fixture, String name, String query, String operationName, Map<String, Object> variables,
                  Map<String, Object> specified) {

  private static final Pattern OPERATION_NAME = Pattern.compile("^#\\s*operationName:\\s*(\\w+)", Pattern.MULTILINE);

  String id() {
    return fixture + "/" + name;
  }

  /** Request errors are what these cases are about: they must not produce data. */
  boolean expectsRequestError() {
    return name.startsWith("invalid-");
  }

  static Path corpusRoot() {
    URL root = CorpusCase.class.getResource("/differential");
    if (root == null) {
      throw new IllegalStateException("no differential/ directory on the test classpath");
    }
    try {
      return Path.of(root.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fixtures: one directory each under differential/. */
  static List<String> fixtures() {
    try (Stream<Path> dirs = Files.list(corpusRoot())) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<CorpusCase> load(String fixture) {
    Path dir = corpusRoot().resolve(fixture);
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".graphql")).sorted().map(f -> read(fixture, f)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CorpusCase read(String fixture, Path file) {
    String fileName = file.getFileName().toString();
    String name = fileName.substring(0, fileName.length() - ".graphql".length());
    try {
      String query = Files.readString(file);
      Matcher operation = OPERATION_NAME.matcher(query);
      Path variables = file.resolveSibling(name + ".variables.json");
      Path expected = file.resolveSibling(name + ".expected.json");
      return new CorpusCase(fixture, name, query, operation.find() ? operation.group(1) : null,
          Files.exists(variables) ? Json.parseObject(Files.readString(variables)) : Map.of(),
          Files.exists(expected) ? Json.parseObject(Files.readString(expected)) : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
