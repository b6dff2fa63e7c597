package dev.shopfed.gateway.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two GraphQL responses the way the differential test judges them: {@code data} exactly,
 * key order included; {@code errors} as the set of their (path, extensions.code) pairs, since
 * messages are free text. An expected error without a code matches any code at its path (used for
 * answers the specification fixes but whose error codes it leaves open).
 *
 * <p>One difference is ours by design: a fetch that failed as a whole (subgraph unreachable, timed out, not JSON)
 * gives Apollo Gateway one error without a path, our engine one at each path of the fetch's fields, as Apollo Router
 * places it. Such errors are compared as the one error without a path they stand for.
 */
final class ResponseComparison {

  private ResponseComparison() {}

  /** A description of how {@code actual} differs from {@code expected}, or empty when they agree. */
  static Optional<String> difference(Map<String, Object> expected, Map<String, Object> actual) {
    List<String> problems = new ArrayList<>();
    if (expected.containsKey("data") != actual.containsKey("data")) {
      problems.add("data is " + (expected.containsKey("data") ? "missing" : "present but should be absent"));
    } else {
      firstDifference("data", Json.canonical(expected.get("data")), Json.canonical(actual.get("data"))).ifPresent(problems::add);
    }
    errorDifference(errorKeys(expected), errorKeys(actual)).ifPresent(problems::add);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("\n", problems)
        + "\n--- expected ---\n" + Json.pretty(expected) + "\n--- actual ---\n" + Json.pretty(actual));
  }

  /** One error as compared: where it is and its code (null when it has none). */
  record ErrorKey(String path, String code) implements Comparable<ErrorKey> {
    @Override
    public int compareTo(ErrorKey other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return path + " " + (code == null ? "(no code)" : code);
    }
  }

  static Set<ErrorKey> errorKeys(Map<String, Object> response) {
    Set<ErrorKey> keys = new TreeSet<>();
    if (!(response.get("errors") instanceof List<?> errors)) {
      return keys;
    }
    for (Object error : errors) {
      Map<?, ?> fields = error instanceof Map<?, ?> m ? m : Map.of();
      Object path = failedFetch(fields) ? null : fields.get("path");
      Object code = fields.get("extensions") instanceof Map<?, ?> ext ? ext.get("code") : null;
      keys.add(new ErrorKey(path == null ? "(no path)" : Json.write(path), code == null ? null : String.valueOf(code)));
    }
    return keys;
  }

  /** An error of a fetch that failed as a whole, as both gateways word it. */
  private static boolean failedFetch(Map<?, ?> error) {
    String message = String.valueOf(error.get("message"));
    return message.startsWith("HTTP fetch failed from '")
        || (message.startsWith("Subgraph '") && message.endsWith("' is unreachable"));
  }

  private static Optional<String> errorDifference(Set<ErrorKey> expected, Set<ErrorKey> actual) {
    Set<ErrorKey> missing = new TreeSet<>();
    for (ErrorKey want : expected) {
      boolean found = actual.stream().anyMatch(got -> got.path().equals(want.path())
          && (want.code() == null || Objects.equals(want.code(), got.code())));
      if (!found) {
        missing.add(want);
      }
    }
    Set<ErrorKey> unexpected = new TreeSet<>();
    for (ErrorKey got : actual) {
      boolean wanted = expected.stream().anyMatch(want -> want.path().equals(got.path())
          && (want.code() == null || Objects.equals(want.code(), got.code())));
      if (!wanted) {
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
        return Optional.of(at + ": keys " + gotKeys + ", expected " + wantKeys);
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
        return Optional.of(at + ": " + got.size() + " items, expected " + want.size());
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
    return Optional.of(at + ": " + Json.write(actual) + ", expected " + Json.write(expected));
  }
}
