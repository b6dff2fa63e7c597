package dev.shopfed.gateway.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subgraph answer several fetches share (in-flight de-duplication): parsed once, by whichever fetch reads it
 * first, and copied for each fetch, because each merges its copy into its own request's tree. A copy costs a fraction
 * of a parse: no bytes to decode, no numbers or strings to build (the leaves are immutable and shared).
 */
public final class SharedAnswer {

  private final byte[] body;
  private Object tree;
  private RuntimeException unreadable;

  SharedAnswer(byte[] body) {
    this.body = body;
  }

  /** A private copy of the parsed body; throws the parse's failure when the body is not JSON. */
  Object copy() {
    return deepCopy(parsed());
  }

  private synchronized Object parsed() {
    if (tree == null && unreadable == null) {
      try {
        tree = Json.read(body);
      } catch (RuntimeException e) {
        unreadable = e;
      }
    }
    if (unreadable != null) {
      throw unreadable;
    }
    return tree;
  }

  private static Object deepCopy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
      map.forEach((k, v) -> copy.put(k, deepCopy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopy(item)));
      return copy;
    }
    return value;
  }
}
