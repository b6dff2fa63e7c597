package dev.shopfed.e2e.support;

import dev.shopfed.e2e.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite's Node project of real clients ({@code e2e/src/test/clients}, installed by the build before the suite):
 * runs one of its scripts and reads the one JSON line it prints last. A script that fails, or outlives its bound,
 * fails the test with its output.
 */
public final class NodeClients {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path dir;

  private NodeClients(Path dir) {
    this.dir = dir;
  }

  public static NodeClients locate() {
    Path dir = ProjectLayout.locate().root().resolve("e2e/src/test/clients");
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      throw new IllegalStateException("no node_modules in " + dir + ": the e2e build installs them (npm install) "
          + "in pre-integration-test; run the suite with ./mvnw -pl e2e verify");
    }
    return new NodeClients(dir);
  }

  public JsonNode run(Duration bound, String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("node-client", ".out");
    Path errors = Files.createTempFile("node-client", ".err");
    try {
      Process node = new ProcessBuilder(command).directory(dir.toFile())
          .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
      if (!node.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
        node.descendants().forEach(ProcessHandle::destroyForcibly);
        node.destroyForcibly();
        throw new AssertionError(script + " did not finish within " + bound + ":\n" + Files.readString(errors));
      }
      String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
      if (node.exitValue() != 0 || printed.isEmpty()) {
        throw new AssertionError(script + " exited with " + node.exitValue() + ":\n" + printed + "\n"
            + Files.readString(errors));
      }
      return JSON.readTree(printed.substring(printed.lastIndexOf('\n') + 1));
    } finally {
      Files.deleteIfExists(output);
      Files.deleteIfExists(errors);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
