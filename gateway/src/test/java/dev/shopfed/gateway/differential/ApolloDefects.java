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
    if (sameFirstFailureUnderAnotherKey(apollo, ours)) {
      return Optional.of("no one's defect: a subgraph reports only the first of several failing non-null fields of one "
          + "fetch (graphql-js settles the selection at the first rejection), and the two gateways list the fields, "
          + "here the same field under several response keys, in different orders; each reports the error the "
          + "subgraph gave, at a path of the client's");
    }
    boolean sameErrors = ResponseComparison.errorKeys(apollo).equals(ResponseComparison.errorKeys(ours));
    if (sameErrors && Json.write(unordered(apollo.get("data"))).equals(Json.write(unordered(ours.get("data"))))) {
      return Optional.of("same answer but Apollo Gateway moves response keys out of the order fields were collected in "
          + "(documented by entities/response-key-order-with-conditional-repeat)");
    }
    return Optional.empty();
  }

  /**
   * Both answers have data null, and their errors differ only in one error each, of the same message and code, at
   * two different root response keys.
   */
  private static boolean sameFirstFailureUnderAnotherKey(Map<String, Object> apollo, Map<String, Object> ours) {
    if (apollo.get("data") != null || ours.get("data") != null || !apollo.containsKey("data")) {
      return false;
    }
    List<Map<?, ?>> onlyApollo = errorsNotIn(apollo, ours);
    List<Map<?, ?>> onlyOurs = errorsNotIn(ours, apollo);
    if (onlyApollo.size() != 1 || onlyOurs.size() != 1) {
      return false;
    }
    Map<?, ?> a = onlyApollo.get(0);
    Map<?, ?> o = onlyOurs.get(0);
    boolean rootKeys = a.get("path") instanceof List<?> pa && pa.size() == 1 && o.get("path") instanceof List<?> po
        && po.size() == 1;
    return rootKeys && String.valueOf(a.get("message")).equals(String.valueOf(o.get("message")))
        && String.valueOf(code(a)).equals(String.valueOf(code(o)));
  }

  private static List<Map<?, ?>> errorsNotIn(Map<String, Object> response, Map<String, Object> other) {
    List<Map<?, ?>> missing = new ArrayList<>();
    List<?> errors = response.get("errors") instanceof List<?> l ? l : List.of();
    java.util.Set<ResponseComparison.ErrorKey> otherKeys = ResponseComparison.errorKeys(other);
    for (Object error : errors) {
      Map<?, ?> e = error instanceof Map<?, ?> m ? m : Map.of();
      Map<String, Object> single = Map.of("errors", List.of(e));
      if (!otherKeys.containsAll(ResponseComparison.errorKeys(single))) {
        missing.add(e);
      }
    }
    return missing;
  }

  private static Object code(Map<?, ?> error) {
    return error.get("extensions") instanceof Map<?, ?> ext ? ext.get("code") : null;
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
