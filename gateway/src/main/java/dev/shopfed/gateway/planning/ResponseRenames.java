package dev.shopfed.gateway.planning;

import java.util.List;
import java.util.Map;

/**
 * How to give a subgraph's answer the response keys the plan expects, where the operation sent a field under an alias
 * of its own (fields that share a response key but not a type, which no subgraph would accept side by side). Applied
 * to an answer's data, or to each entity of an {@code _entities} answer, before it is merged.
 *
 * @param keys   alias sent → response key, for the fields of this selection
 * @param below  per key as sent, the renames inside that field's value (lists are walked)
 * @param byType per concrete type, the renames that apply only to objects of that {@code __typename}
 */
public record ResponseRenames(Map<String, String> keys, Map<String, ResponseRenames> below,
    Map<String, ResponseRenames> byType) {

  public static final ResponseRenames NONE = new ResponseRenames(Map.of(), Map.of(), Map.of());

  public boolean isEmpty() {
    return keys.isEmpty() && below.isEmpty() && byType.isEmpty();
  }

  /** Renames, in place, the keys of {@code value} (an object, a list of them, or anything else, left alone). */
  @SuppressWarnings("unchecked")
  public void apply(Object value) {
    if (value instanceof List<?> list) {
      list.forEach(this::apply);
      return;
    }
    if (!(value instanceof Map<?, ?> map)) {
      return;
    }
    Map<String, Object> object = (Map<String, Object>) map;
    applyAs(object, String.valueOf(object.get("__typename")));
  }

  /** Renames the keys of one object whose type is known otherwise (an entity, by its representation's). */
  public void applyAs(Map<String, Object> object, String typename) {
    ResponseRenames typed = byType.get(typename);
    if (typed != null) {
      typed.apply(object);
    }
    below.forEach((key, renames) -> renames.apply(object.get(key)));
    keys.forEach((sent, responseKey) -> {
      if (object.containsKey(sent)) {
        object.put(responseKey, object.remove(sent));
      }
    });
  }
}
