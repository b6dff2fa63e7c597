package dev.shopfed.e2e.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises, where Apollo Gateway and our gateway disagree on a random query, the signature of an
 * Apollo Gateway defect the gateway module's differential test already documents with a
 * hand-checked, specified answer (its {@code KNOWN_APOLLO_DIVERGENCES} and {@code ApolloDefects}).
 * Random queries have no hand-checked answer of their own, so such a case is reported as skipped
 * with the reason; any other disagreement fails.
 */
public final class KnownApolloDefects {

  private KnownApolloDefects() {}

  public static Optional<String> explain(Map<String, Object> apollo, Map<String, Object> ours) {
    if (apollo.get("extensions") instanceof Map<?, ?> extensions && extensions.containsKey("valueCompletion")) {
      return Optional.of("Apollo Gateway's result completion failed and it reported that only in "
          + "extensions.valueCompletion, not as a field error (gateway differential corpus: "
          + "requires/skip-include-requires, override/inaccessible-enum-value-returned)");
    }
    boolean noErrors = !(apollo.get("errors") instanceof List<?> errors) || errors.isEmpty();
    if (apollo.get("data") == null && apollo.containsKey("data") && noErrors) {
      return Optional.of("Apollo Gateway answered data: null without any error, which the GraphQL specification "
          + "never allows (gateway differential corpus: abstract/interface-object-unresolvable-typename)");
    }
    boolean sameErrors = ResponseComparison.errorKeys(apollo).equals(ResponseComparison.errorKeys(ours));
    if (sameErrors && ParityJson.write(unordered(ParityJson.canonical(apollo.get("data"))))
        .equals(ParityJson.write(unordered(ParityJson.canonical(ours.get("data")))))) {
      return Optional.of("same answer, but Apollo Gateway moves response keys out of the order in which fields were "
          + "collected (GraphQL spec, CollectFields; gateway differential corpus: "
          + "entities/response-key-order-with-conditional-repeat)");
    }
    return Optional.empty();
  }

  /** The value with every object's keys sorted, so that only key order is ignored. */
  private static Object unordered(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), unordered(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(unordered(v)));
      return out;
    }
    return value;
  }
}
