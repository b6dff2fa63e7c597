package dev.shopfed.gateway.limits;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The size of a request's raw variables, as decoded from JSON: one per value (scalar, null, list, object, key) plus
 * the characters of every string and key. The walk keeps its own stack of iterators and stops as soon as the budget
 * is spent, so neither a deep nor a huge value costs more than the limit to refuse.
 */
public final class VariablesLimit {

  private VariablesLimit() {}

  public static Optional<LimitViolation> check(Map<String, Object> variables, OperationLimits limits) {
    int limit = limits.maxVariablesSize();
    if (!OperationLimits.on(limit) || variables == null) {
      return Optional.empty();
    }
    long size = 0;
    Deque<Iterator<?>> pending = new ArrayDeque<>();
    pending.push(List.of(variables).iterator());
    while (!pending.isEmpty() && size <= limit) {
      Iterator<?> members = pending.peek();
      if (!members.hasNext()) {
        pending.pop();
        continue;
      }
      size += sizeOf(members.next(), pending);
    }
    if (size <= limit) {
      return Optional.empty();
    }
    return Optional.of(new LimitViolation("MAX_VARIABLES_SIZE_LIMIT", "Variables size exceeds the limit of "
        + limit + " (gateway.limits.max-variables-size)"));
  }

  /** The size of one value itself; its members, if any, are pushed onto {@code pending} to be walked next. */
  private static long sizeOf(Object value, Deque<Iterator<?>> pending) {
    if (value instanceof CharSequence text) {
      return 1L + text.length();
    }
    if (value instanceof Map.Entry<?, ?> entry) {
      // the key here, the value as the next member
      pending.push(java.util.Collections.singletonList(entry.getValue()).iterator());
      return 1L + String.valueOf(entry.getKey()).length();
    }
    if (value instanceof Map<?, ?> map) {
      pending.push(map.entrySet().iterator());
    } else if (value instanceof Iterable<?> list) {
      pending.push(list.iterator());
    }
    return 1;
  }
}
