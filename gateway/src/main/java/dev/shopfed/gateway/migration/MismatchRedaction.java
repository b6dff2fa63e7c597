package dev.shopfed.gateway.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * What of a response value the mismatch record may keep: its SHA-256 and its shape. Shapes keep objects' keys, lists'
 * lengths and every value's type, and replace strings by their length ({@code "string(7)"}) and numbers and booleans
 * by their type: an operator sees where the owners disagree without the data itself reaching the report.
 */
final class MismatchRedaction {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Enough to show where two objects differ; a diff longer than this is cut. */
  static final int MAX_DIFFERENCES = 20;

  private MismatchRedaction() {}

  /** The value as JSON: the form both answers are compared and hashed in. */
  static String json(Object value) {
    return JSON.writeValueAsString(value);
  }

  static String sha256(String json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static Object shape(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return "string(" + s.codePointCount(0, s.length()) + ")";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    if (value instanceof Map<?, ?> object) {
      Map<String, Object> shaped = new LinkedHashMap<>();
      object.forEach((k, v) -> shaped.put(String.valueOf(k), shape(v)));
      return shaped;
    }
    if (value instanceof List<?> list) {
      List<Object> shaped = new ArrayList<>(list.size());
      list.forEach(v -> shaped.add(shape(v)));
      return shaped;
    }
    return "value";
  }

  /**
   * The paths, relative to the field, where two values differ: {@code []} for a scalar, the differing keys and
   * indices within objects and lists (a list of another length differs as a whole).
   */
  static List<List<Object>> differences(Object client, Object shadow) {
    List<List<Object>> out = new ArrayList<>();
    diff(client, shadow, new ArrayList<>(), out);
    return List.copyOf(out);
  }

  private static void diff(Object a, Object b, List<Object> path, List<List<Object>> out) {
    if (out.size() >= MAX_DIFFERENCES) {
      return;
    }
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      Set<Object> keys = new LinkedHashSet<>(left.keySet());
      keys.addAll(right.keySet());
      for (Object key : keys) {
        path.add(String.valueOf(key));
        diff(left.get(key), right.get(key), path, out);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (a instanceof List<?> left && b instanceof List<?> right && left.size() == right.size()) {
      for (int i = 0; i < left.size(); i++) {
        path.add(i);
        diff(left.get(i), right.get(i), path, out);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (!json(a).equals(json(b))) {
      out.add(List.copyOf(path));
    }
  }
}
