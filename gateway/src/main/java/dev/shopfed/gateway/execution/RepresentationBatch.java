package dev.shopfed.gateway.execution;

import dev.shopfed.gateway.planning.RepresentationShape;
import dev.shopfed.gateway.planning.RepresentationShape.FieldShape;
import dev.shopfed.gateway.planning.RepresentationShape.SelectionShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The representations one entity fetch sends: built from the objects at the flatten path, one per distinct entity, so
 * that an entity appearing many times in the response is fetched once.
 */
final class RepresentationBatch {

  final List<Map<String, Object>> representations = new ArrayList<>();
  /** For each representation, the objects of the response it answers for. */
  final List<List<ResultTree.Located>> targets = new ArrayList<>();

  static RepresentationBatch of(List<ResultTree.Located> objects, List<RepresentationShape> shapes) {
    Map<String, RepresentationShape> byType = new HashMap<>();
    shapes.forEach(s -> byType.put(s.objectType(), s));
    shapes.forEach(s -> s.concreteTypes().forEach(t -> byType.putIfAbsent(t, s)));
    RepresentationBatch batch = new RepresentationBatch();
    Map<Map<String, Object>, Integer> index = new HashMap<>();
    for (ResultTree.Located located : objects) {
      Object typename = located.object().get("__typename");
      RepresentationShape shape = typename == null && shapes.size() == 1 ? shapes.get(0) : byType.get(typename);
      if (shape == null) {
        continue;
      }
      Map<String, Object> representation = represent(located.object(), shape);
      if (representation == null) {
        continue;
      }
      Integer i = index.get(representation);
      if (i == null) {
        i = batch.representations.size();
        index.put(representation, i);
        batch.representations.add(representation);
        batch.targets.add(new ArrayList<>());
      }
      batch.targets.get(i).add(located);
    }
    return batch;
  }

  boolean isEmpty() {
    return representations.isEmpty();
  }

  /** The representation, or null when a field it needs is missing (its fetch failed): such entities are skipped. */
  private static Map<String, Object> represent(Map<String, Object> object, RepresentationShape shape) {
    Map<String, Object> representation = copy(object, shape.fields(), shape.objectType());
    if (representation == null || shape.keyFields().stream().anyMatch(k -> representation.get(k) == null)) {
      return null;
    }
    representation.put("__typename", shape.typename());
    return representation;
  }

  private static Map<String, Object> copy(Map<String, Object> object, SelectionShape shape, String objectType) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (FieldShape f : shape.fields()) {
      if (!object.containsKey(f.dataKey())) {
        if (f.name().equals("__typename")) {
          continue;
        }
        return null;
      }
      Object value = copyValue(object.get(f.dataKey()), f.children());
      if (value == MISSING) {
        return null;
      }
      out.put(f.name(), value);
    }
    SelectionShape narrowed = shape.fragments().get(objectType);
    if (narrowed != null) {
      Map<String, Object> more = copy(object, narrowed, objectType);
      if (more == null) {
        return null;
      }
      more.forEach(out::putIfAbsent);
    }
    return out;
  }

  private static final Object MISSING = new Object();

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object value, SelectionShape children) {
    if (value == null || children == null) {
      return value;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object copied = copyValue(item, children);
        if (copied == MISSING) {
          return MISSING;
        }
        out.add(copied);
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> object = (Map<String, Object>) map;
      Object typename = object.get("__typename");
      Map<String, Object> copied = copy(object, children, typename == null ? "" : typename.toString());
      return copied == null ? MISSING : copied;
    }
    return value;
  }
}
