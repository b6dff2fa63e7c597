package dev.shopfed.gateway.migration;

import dev.shopfed.gateway.supergraph.FieldInfo;
import dev.shopfed.gateway.supergraph.FieldSource;
import dev.shopfed.gateway.supergraph.Supergraph;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fields under progressive override an operation selects: where they sit in the response (result keys from the
 * root, aliases included) and the field coordinates and labels behind them.
 */
record ShadowTargets(List<Target> targets) {

  /**
   * One selected field under override.
   *
   * @param keys   the result keys from the root down to the field
   * @param fields the overridden coordinates ({@code Type.field}) the selection stands for, usually one; several when
   *               it is selected on an abstract type whose implementations are overridden alike
   */
  record Target(List<String> keys, Map<String, FieldInfo> fields) {}

  static ShadowTargets of(Supergraph supergraph, ExecutableNormalizedOperation operation) {
    List<Target> targets = new ArrayList<>();
    collect(supergraph, operation.getTopLevelFields(), List.of(), targets);
    return new ShadowTargets(List.copyOf(targets));
  }

  private static void collect(Supergraph supergraph, List<ExecutableNormalizedField> fields, List<String> parentKeys,
      List<Target> targets) {
    for (ExecutableNormalizedField field : fields) {
      List<String> keys = new ArrayList<>(parentKeys);
      keys.add(field.getResultKey());
      Map<String, FieldInfo> overridden = new TreeMap<>();
      for (String type : field.getObjectTypeNames()) {
        FieldInfo info = supergraph.field(type, field.getName());
        if (info != null && label(info) != null) {
          overridden.put(type + "." + field.getName(), info);
        }
      }
      if (!overridden.isEmpty()) {
        targets.add(new Target(List.copyOf(keys), Collections.unmodifiableMap(overridden)));
      }
      collect(supergraph, field.getChildren(), keys, targets);
    }
  }

  /** The field's progressive-override label, or null when it has none. */
  static String label(FieldInfo field) {
    return field.sources().values().stream().map(FieldSource::overrideLabel).filter(l -> l != null).findFirst()
        .orElse(null);
  }

  boolean isEmpty() {
    return targets.isEmpty();
  }

  /** Every overridden coordinate selected, with its field. */
  Map<String, FieldInfo> fields() {
    Map<String, FieldInfo> all = new TreeMap<>();
    targets.forEach(t -> all.putAll(t.fields()));
    return all;
  }

  /** The labels of the selected overridden fields flipped, every other label as the client's request had it. */
  Set<String> flip(Set<String> labels) {
    Set<String> flipped = new TreeSet<>(labels);
    for (FieldInfo field : fields().values()) {
      String label = label(field);
      if (labels.contains(label)) {
        flipped.remove(label);
      } else {
        flipped.add(label);
      }
    }
    return Collections.unmodifiableSet(flipped);
  }

  /**
   * Per coordinate, the value at every concrete response path of its selections in {@code data} (lists fanned out
   * into their indices). A path that ends early (a null or missing parent) is not a value of the field.
   */
  Map<String, Map<List<Object>, Object>> valuesIn(Map<String, Object> data) {
    Map<String, Map<List<Object>, Object>> values = new TreeMap<>();
    for (Target target : targets) {
      Map<List<Object>, Object> atPaths = new LinkedHashMap<>();
      walk(data, target.keys(), 0, new ArrayList<>(), atPaths);
      for (String coordinate : target.fields().keySet()) {
        values.computeIfAbsent(coordinate, c -> new LinkedHashMap<>()).putAll(atPaths);
      }
    }
    return values;
  }

  private static void walk(Object node, List<String> keys, int depth, List<Object> path,
      Map<List<Object>, Object> out) {
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        path.add(i);
        walk(list.get(i), keys, depth, path, out);
        path.remove(path.size() - 1);
      }
      return;
    }
    if (!(node instanceof Map<?, ?> object) || !object.containsKey(keys.get(depth))) {
      return;
    }
    String key = keys.get(depth);
    path.add(key);
    if (depth == keys.size() - 1) {
      out.put(List.copyOf(path), object.get(key));
    } else {
      walk(object.get(key), keys, depth + 1, path, out);
    }
    path.remove(path.size() - 1);
  }
}
