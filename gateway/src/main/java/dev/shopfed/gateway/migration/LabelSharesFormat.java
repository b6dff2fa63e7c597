package dev.shopfed.gateway.migration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text of a labels file: one {@code label=percent} a line ({@code 30}, {@code 12.5} or {@code 30%}), blank lines
 * and lines starting with {@code #} ignored. Stricter than {@code java.util.Properties}, which would split a label
 * at its {@code :} and take a typo for a key: any line that is not a share refuses the whole file.
 */
public final class LabelSharesFormat {

  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,3}(\\.[0-9]+)?");

  private LabelSharesFormat() {}

  /** Throws {@link IllegalArgumentException} naming the first problem and its line. */
  public static LabelShares parse(String text) {
    Map<String, Double> shares = new LinkedHashMap<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        share(line, shares);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return new LabelShares(shares);
  }

  private static void share(String line, Map<String, Double> shares) {
    int equals = line.indexOf('=');
    if (equals < 0) {
      throw new IllegalArgumentException("\"" + line + "\" is not label=percent");
    }
    String label = line.substring(0, equals).strip();
    LabelShares.checkLabel(label);
    if (shares.containsKey(label)) {
      throw new IllegalArgumentException(label + " is given twice");
    }
    shares.put(label, percent(label, line.substring(equals + 1).strip()));
  }

  private static double percent(String label, String value) {
    String number = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
    // Plain decimals only: Double.parseDouble would also take 30f, 0x1p5 and Infinity.
    if (!NUMBER.matcher(number).matches() || Double.parseDouble(number) > 100) {
      throw new IllegalArgumentException("the share of " + label + " must be a percent from 0 to 100, not \""
          + value + "\"");
    }
    return Double.parseDouble(number);
  }
}
