package dev.shopfed.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a child's log, shown when it fails to come up. */
final class LogTail {

  private LogTail() {}

  static String of(Path log, int lines) {
    if (!Files.exists(log)) {
      return "(no log written at " + log + ")";
    }
    try {
      // Malformed bytes are replaced, not fatal: a crashing child may cut a character in half.
      List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
      List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
      return tail.isEmpty() ? "(log is empty)" : String.join(System.lineSeparator(), tail);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
