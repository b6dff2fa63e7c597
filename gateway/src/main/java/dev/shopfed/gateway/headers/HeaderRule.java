package dev.shopfed.gateway.headers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** One rule shaping the headers of a subgraph request, applied in order (as Apollo Router's {@code headers:}). */
public sealed interface HeaderRule {

  /** Applies the rule: reads the client's headers, changes the outgoing ones (names lower-case). */
  void apply(Map<String, List<String>> client, Map<String, List<String>> outgoing);

  /**
   * Copies a client header: the one {@code named} (optionally under another name, with a value when the client sent
   * none), or every one whose name matches {@code matching} (whole name, case-insensitive).
   */
  record Propagate(String named, Pattern matching, String rename, String defaultValue) implements HeaderRule {

    public Propagate {
      if ((named == null) == (matching == null)) {
        throw new IllegalArgumentException("a propagate rule needs exactly one of named or matching");
      }
      if (matching != null && (rename != null || defaultValue != null)) {
        throw new IllegalArgumentException("rename and default apply to a named header only");
      }
      named = lower(named);
      rename = lower(rename);
    }

    public static Propagate named(String name) {
      return new Propagate(name, null, null, null);
    }

    @Override
    public void apply(Map<String, List<String>> client, Map<String, List<String>> outgoing) {
      if (matching != null) {
        client.forEach((name, values) -> {
          if (matching.matcher(name).matches()) {
            outgoing.put(name, values);
          }
        });
        return;
      }
      List<String> values = client.get(named);
      if (values == null && defaultValue != null) {
        values = List.of(defaultValue);
      }
      if (values != null) {
        outgoing.put(rename == null ? named : rename, values);
      }
    }
  }

  /** Sets a header to a static value, replacing any value an earlier rule gave it. */
  record Insert(String name, String value) implements HeaderRule {

    public Insert {
      if (name == null || value == null) {
        throw new IllegalArgumentException("an insert rule needs a name and a value");
      }
      name = lower(name);
    }

    @Override
    public void apply(Map<String, List<String>> client, Map<String, List<String>> outgoing) {
      outgoing.put(name, List.of(value));
    }
  }

  /** Drops an outgoing header: the one {@code named}, or every one whose name matches {@code matching}. */
  record Remove(String named, Pattern matching) implements HeaderRule {

    public Remove {
      if ((named == null) == (matching == null)) {
        throw new IllegalArgumentException("a remove rule needs exactly one of named or matching");
      }
      named = lower(named);
    }

    @Override
    public void apply(Map<String, List<String>> client, Map<String, List<String>> outgoing) {
      if (named != null) {
        outgoing.remove(named);
        return;
      }
      outgoing.keySet().removeIf(name -> matching.matcher(name).matches());
    }
  }

  /** A pattern matched against whole lower-case header names, ignoring case. */
  static Pattern pattern(String regex) {
    return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
  }

  private static String lower(String name) {
    return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
  }
}
