package dev.shopfed.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an entity fetch's error path ({@code _entities, i, ...}, or the batch alias in place of {@code _entities})
 * into the client's path of that entity.
 */
final class EntityErrorPath {

  private EntityErrorPath() {}

  static Map<String, Object> rewrite(Map<String, Object> error, String field, RepresentationBatch batch) {
    if (!(error.get("path") instanceof List<?> path) || path.size() < 2 || !field.equals(path.get(0))) {
      return error;
    }
    if (!(path.get(1) instanceof Number index) || index.intValue() >= batch.targets.size()) {
      return error;
    }
    List<ResultTree.Located> targets = batch.targets.get(index.intValue());
    if (targets.isEmpty()) {
      return error;
    }
    List<Object> rewritten = new ArrayList<>(targets.get(0).path());
    rewritten.addAll(path.subList(2, path.size()));
    Map<String, Object> copy = new LinkedHashMap<>(error);
    copy.put("path", rewritten);
    return copy;
  }
}
