package dev.shopfed.gateway.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node project under {@code src/test/node} that holds the reference side: test subgraphs,
 * composition and Apollo Gateway. Installs its packages on first use.
 */
record NodeProject(Path dir) {

  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

  /** Finds the project whether the build runs from the gateway module or from the repository root. */
  static NodeProject locate() {
    for (Path candidate : List.of(Path.of("src/test/node"), Path.of("gateway/src/test/node"))) {
      if (Files.isRegularFile(candidate.resolve("package.json"))) {
        return new NodeProject(candidate.toAbsolutePath().normalize());
      }
    }
    throw new IllegalStateException("cannot find gateway/src/test/node/package.json from " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code npm ci} when the packages are missing; a no-op once they are installed. */
  synchronized NodeProject installed() throws IOException, InterruptedException {
    if (Files.isDirectory(dir.resolve("node_modules/@apollo/gateway"))) {
      return this;
    }
    boolean locked = Files.isRegularFile(dir.resolve("package-lock.json"));
    List<String> command = List.of("npm", locked ? "ci" : "install", "--no-audit", "--no-fund");
    Path log = Files.createTempFile("npm-install", ".log");
    Process npm;
    try {
      npm = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "npm is not available (" + e.getMessage() + "): the differential test needs Node.js 20+ and npm on the PATH", e);
    }
    if (!npm.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      npm.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish within " + INSTALL_TIMEOUT + "; log: " + tail(log));
    }
    if (npm.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + npm.exitValue() + ":\n" + tail(log));
    }
    return this;
  }

  /** Starts {@code node <script> <args>} in this project and waits for its {@code READY} line. */
  NodeProcess start(Duration timeout, String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return NodeProcess.start(dir, command, timeout);
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log);
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }
}
