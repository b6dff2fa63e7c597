package dev.shopfed.e2e.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two GraphQL responses as the gateway module's differential test does
 * ({@code gateway/src/test/java/dev/shopfed/gateway/differential/ResponseComparison.java}):
 * {@code data} exactly, key order included; {@code errors} as the set of their
 * (path, extensions.code) pairs, since messages are free text.
 */
public final class ResponseComparison {

  private ResponseComparison() {}

  /** How {@code actual} differs from {@code expected}, or empty when they agree. */
  public static Optional<String> difference(Map<String, Object> expected, Map<String, Object> actual) {
    List<String> problems = new ArrayList<>();
    if (expected.containsKey("data") != actual.containsKey("data")) {
      problems.add("data is " + (expected.containsKey("data") ? "missing" : "present but should be absent"));
    } else {
      firstDifference("data", ParityJson.canonical(expected.get("data")), ParityJson.canonical(actual.get("data")))
          .ifPresent(problems::add);
    }
    errorDifference(errorKeys(expected), errorKeys(actual)).ifPresent(problems::add);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("\n", problems)
        + "\n--- Apollo Gateway ---\n" + ParityJson.pretty(expected) + "\n--- our gateway ---\n" + ParityJson.pretty(actual));
  }

  /** One error as compared: where it is and its code (null when it has none). */
  public record ErrorKey(String path, String code) implements Comparable<ErrorKey> {
    @Override
    public int compareTo(ErrorKey other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return path + " " + (code == null ? "(no code)" : code);
    }

    /** An error of Apollo Gateway's without a code matches any code at its path. */
    boolean matches(ErrorKey ours) {
      return path.equals(ours.path) && (code == null || code.equals(ours.code));
    }
  }

  public static Set<ErrorKey> errorKeys(Map<String, Object> response) {
    Set<ErrorKey> keys = new TreeSet<>();
    if (!(response.get("errors") instanceof List<?> errors)) {
      return keys;
    }
    for (Object error : errors) {
      Map<?, ?> fields = error instanceof Map<?, ?> m ? m : Map.of();
      Object path = fields.get("path");
      Object code = fields.get("extensions") instanceof Map<?, ?> ext ? ext.get("code") : null;
      keys.add(new ErrorKey(path == null ? "(no path)" : ParityJson.write(path), code == null ? null : String.valueOf(code)));
    }
    return keys;
  }

  private static Optional<String> errorDifference(Set<ErrorKey> expected, Set<ErrorKey> actual) {
    Set<ErrorKey> missing = new TreeSet<>();
    for (ErrorKey want : expected) {
      if (actual.stream().noneMatch(want::matches)) {
        missing.add(want);
      }
    }
    Set<ErrorKey> unexpected = new TreeSet<>();
    for (ErrorKey got : actual) {
      if (expected.stream().noneMatch(want -> want.matches(got))) {
        unexpected.add(got);
      }
    }
    if (missing.isEmpty() && unexpected.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("errors differ: missing " + missing + ", unexpected " + unexpected);
  }

  /** Where two canonical JSON values first part, as a readable path and reason. */
  static Optional<String> firstDifference(String at, Object expected, Object actual) {
    if (expected instanceof Map<?, ?> want && actual instanceof Map<?, ?> got) {
      List<?> wantKeys = List.copyOf(want.keySet());
      List<?> gotKeys = List.copyOf(got.keySet());
      if (!wantKeys.equals(gotKeys)) {
        return Optional.of(at + ": keys " + gotKeys + ", Apollo Gateway has " + wantKeys);
      }
      for (Object key : wantKeys) {
        Optional<String> inner = firstDifference(at + "." + key, want.get(key), got.get(key));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (expected instanceof List<?> want && actual instanceof List<?> got) {
      if (want.size() != got.size()) {
        return Optional.of(at + ": " + got.size() + " items, Apollo Gateway has " + want.size());
      }
      for (int i = 0; i < want.size(); i++) {
        Optional<String> inner = firstDifference(at + "[" + i + "]", want.get(i), got.get(i));
        if (inner.isPresent()) {
          return inner;
        }
      }
      return Optional.empty();
    }
    if (Objects.equals(expected, actual)) {
      return Optional.empty();
    }
    return Optional.of(at + ": " + ParityJson.write(actual) + ", Apollo Gateway has " + ParityJson.write(expected));
  }
}
