package dev.shopfed.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One running child service: its process, its log file, its health check and its shutdown. */
final class ServiceProcess implements AutoCloseable {

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
  private static final int TAIL_LINES = 40;

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(1))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private final ServiceSpec spec;
  private final Process process;
  private final Path log;

  private ServiceProcess(ServiceSpec spec, Process process, Path log) {
    this.spec = spec;
    this.process = process;
    this.log = log;
  }

  static ServiceProcess launch(ServiceSpec spec, Path logDir) {
    Path log = logDir.resolve(spec.name() + ".log");
    return launch(spec, log, ProcessBuilder.Redirect.to(log.toFile()));
  }

  /** The same service started again, its output appended to the log of the run before. */
  ServiceProcess relaunch() {
    return launch(spec, log, ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  private static ServiceProcess launch(ServiceSpec spec, Path log, ProcessBuilder.Redirect output) {
    if (!Files.isRegularFile(spec.jar())) {
      throw new StartupException(spec.name() + ": jar not found at " + spec.jar()
          + " (build it first: ./mvnw -B -DskipTests package)");
    }
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(spec.command())
          .redirectErrorStream(true)
          .redirectOutput(output)
          .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
          .start();
      return new ServiceProcess(spec, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(spec.name() + ": cannot start " + spec.command(), e);
    }
  }

  /** Polls the health URL until it answers 200; fails early when the child dies. */
  void awaitHealthy(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    HttpRequest probe = HttpRequest.newBuilder(spec.healthUrl()).timeout(Duration.ofSeconds(2)).GET().build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw failure("exited with code " + process.exitValue() + " before its health check at "
            + spec.healthUrl() + " answered 200");
      }
      if (answers200(probe)) {
        return;
      }
      waitForExit(POLL_INTERVAL);
    }
    throw failure("not healthy after " + timeout.toSeconds() + "s (" + spec.healthUrl() + " never answered 200)");
  }

  String name() {
    return spec.name();
  }

  ServiceSpec spec() {
    return spec;
  }

  Path log() {
    return log;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** SIGKILL at once, as a crash would: no shutdown hooks run, requests in flight are cut off. */
  void kill() {
    process.destroyForcibly();
    waitForExit(GRACEFUL_STOP);
  }

  /** SIGTERM first so Spring shuts down cleanly; kill when that takes too long. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (waitForExit(GRACEFUL_STOP)) {
      return;
    }
    process.destroyForcibly();
    waitForExit(GRACEFUL_STOP);
  }

  private StartupException failure(String what) {
    close();
    return new StartupException(spec.name() + " " + what + "\n--- last lines of " + log + " ---\n"
        + LogTail.of(log, TAIL_LINES));
  }

  private boolean answers200(HttpRequest probe) {
    try {
      return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException(spec.name() + ": interrupted while waiting for its health check");
    }
  }

  private boolean waitForExit(Duration atMost) {
    try {
      return process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  private static java.io.File nullDevice() {
    return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
