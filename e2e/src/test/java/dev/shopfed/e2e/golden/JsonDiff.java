package dev.shopfed.e2e.golden;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Exact comparison of two JSON trees that, unlike {@code JsonNode.equals}, also counts the order of
 * an object's keys (the app may read a response in order, and the gateway promises the query's
 * order). Reports each difference with its JSON pointer.
 */
final class JsonDiff {

  private static final int MAX_REPORTED = 30;
  private static final int MAX_VALUE_CHARS = 200;

  private final List<String> differences = new ArrayList<>();
  private int total;

  private JsonDiff() {}

  /** The differences from {@code expected} to {@code actual}; empty when they are identical. */
  static List<String> between(JsonNode expected, JsonNode actual) {
    JsonDiff diff = new JsonDiff();
    diff.compare("", expected, actual);
    if (diff.total > MAX_REPORTED) {
      diff.differences.add("... and " + (diff.total - MAX_REPORTED) + " more");
    }
    return diff.differences;
  }

  private void compare(String path, JsonNode expected, JsonNode actual) {
    String at = path.isEmpty() ? "/" : path;
    if (expected.getNodeType() != actual.getNodeType()) {
      report(at + ": expected " + show(expected) + " but was " + show(actual));
    } else if (expected.isObject()) {
      List<String> expectedKeys = List.copyOf(expected.propertyNames());
      List<String> actualKeys = List.copyOf(actual.propertyNames());
      if (!expectedKeys.equals(actualKeys)) {
        report(at + ": expected keys " + expectedKeys + " but were " + actualKeys);
      }
      for (String key : expectedKeys) {
        if (actual.has(key)) {
          compare(path + "/" + escape(key), expected.get(key), actual.get(key));
        }
      }
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        report(at + ": expected " + expected.size() + " elements but were " + actual.size());
      }
      for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
        compare(path + "/" + i, expected.get(i), actual.get(i));
      }
    } else if (!expected.equals(actual)) {
      report(at + ": expected " + show(expected) + " but was " + show(actual));
    }
  }

  private void report(String difference) {
    total++;
    if (differences.size() < MAX_REPORTED) {
      differences.add(difference);
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static String show(JsonNode node) {
    String text = node.toString();
    return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
  }
}
