package dev.shopfed.gateway.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recognises, in a random operation where Apollo Gateway and our engine disagree, the signature of an Apollo Gateway
 * defect already documented by a corpus case in {@link DifferentialTest#KNOWN_APOLLO_DIVERGENCES}. Random operations
 * have no hand-checked answer, so such a case is reported as skipped with the reason instead of compared; any other
 * disagreement still fails.
 */
final class ApolloDefects {

  private ApolloDefects() {}

  /**
   * Random operations (default seed) where Apollo Gateway's answer was checked by hand and found wrong, and no rule
   * here (nor {@link InterfaceObjectTypename}) recognises the defect by its shape, with why. Keyed by "fixture #index".
   */
  static final Map<String, String> CHECKED_BY_HAND = Map.of(
      "abstract #31", "the operation selects __typename on topRated[1] (an Author) through a fragment spread inside an "
          + "inline fragment; Apollo Gateway leaves it out of the answer (GraphQL spec, CollectFields)");

  static Optional<String> explain(Map<String, Object> apollo, Map<String, Object> ours) {
    if (apollo.get("extensions") instanceof Map<?, ?> extensions && extensions.containsKey("valueCompletion")) {
      return Optional.of("Apollo Gateway's result completion failed and it reported that only in extensions.valueCompletion "
          + "(documented by requires/skip-include-requires and override/inaccessible-enum-value-returned)");
    }
    boolean noErrors = !(apollo.get("errors") instanceof List<?> errors) || errors.isEmpty();
    if (apollo.get("data") == null && noErrors) {
      return Optional.of("Apollo Gateway answered data: null without any error, which the specification never allows "
          + "(documented by abstract/interface-object-unresolvable-typename)");
    }
    boolean sameErrors = ResponseComparison.errorKeys(apollo).equals(ResponseComparison.errorKeys(ours));
    if (sameErrors && Json.write(unordered(apollo.get("data"))).equals(Json.write(unordered(ours.get("data"))))) {
      return Optional.of("same answer but Apollo Gateway moves response keys out of the order fields were collected in "
          + "(documented by entities/response-key-order-with-conditional-repeat)");
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
