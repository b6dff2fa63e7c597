package dev.shopfed.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway as a process: the command line, start-up failures, the start-up log line and SIGTERM. */
class GatewayProcessTest {

  private static final Duration BOUND = Duration.ofSeconds(90);
  private static final Pattern EXPLORER = Pattern.compile("Explorer: http://localhost:(\\d+)/");

  @TempDir
  Path dir;

  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void missingSupergraphFileFailsStartWithOneLine() throws Exception {
    Path missing = dir.resolve("missing.graphql");
    String output = runToExit("--supergraph", missing.toString(), "--port", "0");

    assertThat(process.exitValue()).isNotZero();
    assertThat(errorLines(output)).singleElement().asString()
        .contains("Cannot start: Supergraph file " + missing + " does not exist");
    assertNoStackTrace(output);
  }

  @Test
  void invalidSupergraphFailsStartWithOneLine() throws Exception {
    Path invalid = Files.writeString(dir.resolve("invalid.graphql"), "type Query { hello: String }\n");
    String output = runToExit("--supergraph=" + invalid, "--port=0");

    assertThat(process.exitValue()).isNotZero();
    assertThat(errorLines(output)).singleElement().asString()
        .contains("Cannot start: Invalid supergraph " + invalid);
    assertNoStackTrace(output);
  }

  @Test
  void servesOnTheLoggedPortAndShutsDownOnSigterm() throws Exception {
    Path supergraph = BooksSupergraph.writeTo(dir.resolve("supergraph.graphql"), BooksSupergraph.SDL);
    Path log = dir.resolve("gateway.log");
    process = start(log, "--supergraph", supergraph.toString(), "--port", "0");

    int port = awaitPort(log);
    assertThat(Files.readString(log)).contains("1 subgraph (books)");
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);

    process.destroy(); // SIGTERM
    assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
    String output = Files.readString(log);
    assertThat(output).contains("Graceful shutdown complete");
    assertNoStackTrace(output);
  }

  private String runToExit(String... args) throws Exception {
    Path log = dir.resolve("gateway.log");
    process = start(log, args);
    assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("exits on its own").isTrue();
    return Files.readString(log);
  }

  private static Process start(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Xmx256m", "-XX:TieredStopAtLevel=1",
        GatewayApplication.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private int awaitPort(Path log) throws Exception {
    Instant deadline = Instant.now().plus(BOUND);
    while (Instant.now().isBefore(deadline)) {
      Matcher matcher = EXPLORER.matcher(Files.readString(log));
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      assertThat(process.isAlive()).as("gateway still running; log:%n%s", Files.readString(log)).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("no Explorer line within " + BOUND + "; log:\n" + Files.readString(log));
  }

  private static List<String> errorLines(String output) {
    return output.lines().filter(line -> line.contains(" ERROR ")).toList();
  }

  private static void assertNoStackTrace(String output) {
    assertThat(output.lines()).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
  }
}
