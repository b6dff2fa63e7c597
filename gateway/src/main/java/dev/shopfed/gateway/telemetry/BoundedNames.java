package dev.shopfed.gateway.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps a metric tag's values few: the first {@code max} well-formed values are kept as they are, any later or
 * malformed one becomes {@code other}. Operation names and error codes come from clients and subgraphs, and every
 * distinct value would be a time series of its own.
 */
final class BoundedNames {

  static final String OTHER = "other";

  private final int max;
  private final Pattern wellFormed;
  private final Set<String> kept = ConcurrentHashMap.newKeySet();

  BoundedNames(int max, Pattern wellFormed) {
    this.max = max;
    this.wellFormed = wellFormed;
  }

  String of(String value) {
    if (value == null) {
      return OTHER;
    }
    if (kept.contains(value)) { // the common case: a value seen before needs no pattern match
      return value;
    }
    if (!wellFormed.matcher(value).matches() || kept.size() >= max) {
      return OTHER;
    }
    kept.add(value);
    return value;
  }
}
