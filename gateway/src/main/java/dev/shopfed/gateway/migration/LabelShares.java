package dev.shopfed.gateway.migration;

import java.util.Collections;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The share (0..100, may be fractional) of requests each custom progressive-override label is on for; immutable. A
 * label without a share is off. {@code percent(N)} labels carry their share in their name and are never listed.
 *
 * @param shares percent per label, sorted by label
 */
public record LabelShares(Map<String, Double> shares) {

  /** What composition accepts as a custom override label. */
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z][a-zA-Z0-9_\\-:.]{0,99}");

  public LabelShares {
    Map<String, Double> sorted = new TreeMap<>();
    (shares == null ? Map.<String, Double>of() : shares).forEach((label, percent) -> {
      checkLabel(label);
      sorted.put(label, checkPercent(label, percent));
    });
    shares = Collections.unmodifiableMap(sorted);
  }

  public static LabelShares none() {
    return new LabelShares(Map.of());
  }

  /** The label's share; 0 when it has none. */
  public double share(String label) {
    return shares.getOrDefault(label, 0.0);
  }

  /** The label's share when one is set, else empty (then other settings decide, see {@link OverrideDecisions}). */
  public OptionalDouble find(String label) {
    Double percent = shares.get(label);
    return percent == null ? OptionalDouble.empty() : OptionalDouble.of(percent);
  }

  /** These shares with one label's changed (or added). */
  public LabelShares with(String label, double percent) {
    Map<String, Double> next = new TreeMap<>(shares);
    next.put(label, percent);
    return new LabelShares(next);
  }

  /** These shares with every share of {@code over} put over them. */
  public LabelShares overlaidWith(LabelShares over) {
    Map<String, Double> next = new TreeMap<>(shares);
    next.putAll(over.shares());
    return new LabelShares(next);
  }

  /** Throws {@link IllegalArgumentException}, naming the problem, for a name that is no custom label. */
  public static void checkLabel(String label) {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("a label needs a name");
    }
    if (label.startsWith("percent(")) {
      throw new IllegalArgumentException(label + " carries its share in its name and cannot be given another");
    }
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException(label + " is not a label: a letter, then letters, digits, _ - : or ., "
          + "at most 100 characters");
    }
  }

  private static double checkPercent(String label, Double percent) {
    if (percent == null || percent.isNaN() || percent < 0 || percent > 100) {
      throw new IllegalArgumentException("the share of " + label + " must be a percent from 0 to 100, not " + percent);
    }
    return percent;
  }
}
