package dev.shopfed.gateway.defer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the answer of a deferred fragment's operation into the {@code incremental} entries of a later part: one per
 * object the fragment applies to (one per list item on its path), each with the errors at or below its path.
 */
final class IncrementalItems {

  private IncrementalItems() {}

  /** An object the fragment applies to, at its concrete path (list indexes included); data null when it failed. */
  private record Target(List<Object> path, Map<String, Object> data, List<Map<String, Object>> errors) {}

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> of(DeferredFragment fragment, Map<String, Object> body) {
    List<Target> targets = new ArrayList<>();
    collect(body.get("data"), fragment.path(), 0, new ArrayList<>(), targets);
    List<Map<String, Object>> unclaimed = new ArrayList<>();
    for (Object error : (List<Object>) body.getOrDefault("errors", List.of())) {
      Map<String, Object> e = (Map<String, Object>) error;
      Target owner = owner(targets, e.get("path"));
      (owner == null ? unclaimed : owner.errors()).add(e);
    }
    if (!unclaimed.isEmpty()) {
      // Errors outside every object of the fragment (its request failed, or a null above it): where it applies.
      targets.add(0, new Target(reachable(body.get("data"), fragment.path()), null, unclaimed));
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (Target target : targets) {
      if (target.data() != null && target.data().isEmpty() && target.errors().isEmpty()) {
        continue; // an item of another type than the fragment's condition
      }
      items.add(item(fragment, target));
    }
    return items;
  }

  private static Map<String, Object> item(DeferredFragment fragment, Target target) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("data", target.data());
    item.put("path", target.path());
    if (fragment.label() != null) {
      item.put("label", fragment.label());
    }
    if (!target.errors().isEmpty()) {
      item.put("errors", target.errors());
    }
    return item;
  }

  /** Walks the keys of the fragment's path, into every item of the lists on the way. */
  @SuppressWarnings("unchecked")
  private static void collect(Object value, List<String> keys, int depth, List<Object> at, List<Target> targets) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collect(list.get(i), keys, depth, append(at, i), targets);
      }
      return;
    }
    if (!(value instanceof Map<?, ?> object)) {
      return; // null on the way: the primary part has that null, or the errors say why
    }
    if (depth == keys.size()) {
      targets.add(new Target(at, withoutPlaceholders((Map<String, Object>) object), new ArrayList<>()));
      return;
    }
    String key = keys.get(depth);
    if (!object.containsKey(key)) {
      return;
    }
    collect(object.get(key), keys, depth + 1, append(at, key), targets);
  }

  /** The target whose path is the longest prefix of the error's, or null. */
  private static Target owner(List<Target> targets, Object errorPath) {
    if (!(errorPath instanceof List<?> path)) {
      return null;
    }
    Target best = null;
    for (Target target : targets) {
      boolean prefix = target.path().size() <= path.size()
          && path.subList(0, target.path().size()).equals(target.path());
      if (prefix && (best == null || target.path().size() > best.path().size())) {
        best = target;
      }
    }
    return best;
  }

  /** The fragment's path as far as it leads through objects: up to a null, or before a list. */
  private static List<Object> reachable(Object data, List<String> keys) {
    List<Object> path = new ArrayList<>();
    Object value = data;
    for (String key : keys) {
      if (!(value instanceof Map<?, ?> object) || !object.containsKey(key) || object.get(key) instanceof List<?>) {
        return path;
      }
      path.add(key);
      value = object.get(key);
    }
    return path;
  }

  /** The placeholder field stands for an empty selection; the client never asked for it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutPlaceholders(Map<String, Object> object) {
    Map<String, Object> copy = new LinkedHashMap<>();
    object.forEach((key, value) -> {
      if (!key.equals(DeferredFragments.PLACEHOLDER)) {
        copy.put(key, stripped(value));
      }
    });
    return copy;
  }

  @SuppressWarnings("unchecked")
  private static Object stripped(Object value) {
    if (value instanceof Map<?, ?> map) {
      return withoutPlaceholders((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(IncrementalItems::stripped).toList();
    }
    return value;
  }

  private static List<Object> append(List<Object> list, Object item) {
    List<Object> longer = new ArrayList<>(list);
    longer.add(item);
    return longer;
  }
}
