package dev.shopfed.gateway.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data of one request as the subgraph answers arrive: one tree, merged in place. Fetches run concurrently but
 * merge one at a time (callers hold the tree's monitor), so the tree itself needs no finer locking.
 */
final class ResultTree {

  final Map<String, Object> data = new LinkedHashMap<>();
  /** Interface names: an interface object answers one as {@code __typename}; it must not hide the concrete type. */
  private final java.util.Set<String> abstractTypes;
  final List<Map<String, Object>> errors = Collections.synchronizedList(new ArrayList<>());
  /** Set when a fetch failed as a whole: its fields are null without a path of their own. */
  volatile boolean fetchFailed;
  /**
   * Paths of the fields of fetches whose subgraph answered no data with errors of its own (a non-null field of its
   * failed): those errors say why the fields are null, so they get no second error of the gateway's.
   */
  final List<List<Object>> nulledBySubgraph = Collections.synchronizedList(new ArrayList<>());

  ResultTree(java.util.Set<String> abstractTypes) {
    this.abstractTypes = abstractTypes;
  }

  /** One object found at a flatten path, with where it sits in the client's response. */
  record Located(Map<String, Object> object, List<Object> path) {}

  /** Objects found by walking {@code path} ("@" walks into lists) from the root. */
  List<Located> collect(List<String> path) {
    List<Located> found = new ArrayList<>();
    collect(data, path, 0, new ArrayList<>(), found);
    return found;
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<String> path, int step, List<Object> at, List<Located> found) {
    if (node == null) {
      return;
    }
    if (step == path.size()) {
      if (node instanceof Map<?, ?> map) {
        found.add(new Located((Map<String, Object>) map, List.copyOf(at)));
      }
      return;
    }
    String segment = path.get(step);
    if (segment.equals("@")) {
      if (node instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          at.add(i);
          collect(list.get(i), path, step + 1, at, found);
          at.remove(at.size() - 1);
        }
      }
      return;
    }
    if (node instanceof Map<?, ?> map) {
      at.add(segment);
      collect(map.get(segment), path, step + 1, at, found);
      at.remove(at.size() - 1);
    }
  }

  /** Deep-merges a subgraph's answer into an object of the tree. */
  @SuppressWarnings("unchecked")
  void merge(Map<String, Object> target, Map<String, Object> source) {
    for (Map.Entry<String, Object> e : source.entrySet()) {
      Object existing = target.get(e.getKey());
      Object incoming = e.getValue();
      if (e.getKey().equals("__typename") && existing != null && abstractTypes.contains(String.valueOf(incoming))) {
        continue;
      }
      if (existing instanceof Map<?, ?> a && incoming instanceof Map<?, ?> b) {
        merge((Map<String, Object>) a, (Map<String, Object>) b);
      } else if (existing instanceof List<?> a && incoming instanceof List<?> b && a.size() == b.size()) {
        mergeLists((List<Object>) a, (List<Object>) b);
      } else if (incoming != null || !target.containsKey(e.getKey())) {
        target.put(e.getKey(), incoming);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void mergeLists(List<Object> target, List<Object> source) {
    for (int i = 0; i < target.size(); i++) {
      Object a = target.get(i);
      Object b = source.get(i);
      if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
        merge((Map<String, Object>) ma, (Map<String, Object>) mb);
      } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
        mergeLists((List<Object>) la, (List<Object>) lb);
      } else if (b != null) {
        target.set(i, b);
      }
    }
  }
}
