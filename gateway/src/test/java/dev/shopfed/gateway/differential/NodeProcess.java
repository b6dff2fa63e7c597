package dev.shopfed.gateway.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running Node script that announces itself with a {@code READY <payload>} line on stdout.
 * Its stdin stays open: the scripts exit when it closes, so they cannot outlive this JVM.
 */
final class NodeProcess implements AutoCloseable {

  private static final int OUTPUT_KEPT = 8000;

  private final Process process;
  private final String name;
  private final String readyPayload;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder output = new StringBuilder();

  private NodeProcess(Process process, String name, Duration timeout) throws IOException {
    this.process = process;
    this.name = name;
    pump(process.getInputStream(), true);
    pump(process.getErrorStream(), false);
    String ready = awaitLine("READY", timeout);
    this.readyPayload = ready.substring("READY".length()).trim();
  }

  static NodeProcess start(Path dir, List<String> command, Duration timeout) throws IOException {
    Process process;
    try {
      process = new ProcessBuilder(command).directory(dir.toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "node is not available (" + e.getMessage() + "): the differential test needs Node.js 20+ on the PATH", e);
    }
    try {
      return new NodeProcess(process, String.join(" ", command), timeout);
    } catch (IOException | RuntimeException e) {
      stop(process);
      throw e;
    }
  }

  /** What followed {@code READY} on the ready line. */
  String readyPayload() {
    return readyPayload;
  }

  /** Writes one line to the script's stdin and waits for the line it answers with. */
  synchronized void ask(String line, String answer, Duration timeout) throws IOException {
    OutputStream stdin = process.getOutputStream();
    stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
    awaitLine(answer, timeout);
  }

  private String awaitLine(String prefix, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      String line;
      try {
        line = left <= 0 ? null : lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + name, e);
      }
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && (left <= 0 || !process.isAlive())) {
        String why = process.isAlive() ? "no '" + prefix + "' line within " + timeout : "it exited with code " + exitCode();
        throw new IOException(name + " failed: " + why + "; output:\n" + output());
      }
    }
  }

  private int exitCode() {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private void pump(InputStream stream, boolean queued) {
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (queued) {
            lines.add(line);
          }
          keep(line);
        }
      } catch (IOException ignored) {
        // the process went away; what it printed so far is kept
      }
    }, "node-output");
    reader.setDaemon(true);
    reader.start();
  }

  // Locks the buffer only, never the process: the reader threads must not wait on a pending ask().
  private void keep(String line) {
    synchronized (output) {
      output.append(line).append('\n');
      if (output.length() > OUTPUT_KEPT) {
        output.delete(0, output.length() - OUTPUT_KEPT);
      }
    }
  }

  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  @Override
  public void close() {
    stop(process);
  }

  /** SIGTERM first (the scripts stop their servers cleanly), then force. */
  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
