package dev.shopfed.gateway.execution;

import graphql.execution.MergedField;
import graphql.language.Field;
import graphql.language.SourceLocation;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the client's document under a subgraph error's {@code locations}. A subgraph's error points into the operation
 * the gateway wrote for that subgraph, which the client never saw ({@code payOrder} at line 3 of the client's document
 * was reported at line 1, column 109). Such an error gets the locations of the client's field at its path (every place
 * the document selects it, as GraphQL execution reports a merged field); one whose path names no field of the
 * client's (no path at all, or a field the gateway added for a key or a requirement) loses them, as Apollo Router
 * drops them all.
 */
final class ClientLocations {

  private ClientLocations() {}

  static List<Map<String, Object>> apply(ExecutableNormalizedOperation operation, List<Map<String, Object>> errors) {
    List<Map<String, Object>> placed = new ArrayList<>(errors.size());
    for (Map<String, Object> error : errors) {
      // the gateway's own errors carry no locations; only a subgraph's point into an operation of the gateway's
      placed.add(error.containsKey("locations") ? withLocations(error, locations(operation, error.get("path"))) : error);
    }
    return placed;
  }

  /** The client's locations of the field at {@code path}; empty when the path names no field of the client's. */
  static List<Map<String, Object>> locations(ExecutableNormalizedOperation operation, Object path) {
    if (!(path instanceof List<?> steps) || steps.isEmpty()) {
      return List.of();
    }
    List<ExecutableNormalizedField> level = operation.getTopLevelFields();
    List<ExecutableNormalizedField> matched = List.of();
    for (Object step : steps) {
      if (!(step instanceof String key)) {
        continue; // a list index: the same fields
      }
      matched = level.stream().filter(f -> f.getResultKey().equals(key)).toList();
      if (matched.isEmpty()) {
        return List.of();
      }
      level = matched.stream().flatMap(f -> f.getChildren().stream()).toList();
    }
    Set<Map<String, Object>> seen = new LinkedHashSet<>();
    for (ExecutableNormalizedField field : matched) {
      MergedField merged = operation.getMergedField(field);
      List<Field> nodes = merged == null ? List.of() : merged.getFields();
      nodes.stream().map(Field::getSourceLocation).filter(l -> l != null && l.getLine() > 0).forEach(l -> seen.add(at(l)));
    }
    return List.copyOf(seen);
  }

  private static Map<String, Object> at(SourceLocation location) {
    Map<String, Object> at = new LinkedHashMap<>();
    at.put("line", location.getLine());
    at.put("column", location.getColumn());
    return at;
  }

  /** The error with these locations in the specification's place (after the message), or without any. */
  private static Map<String, Object> withLocations(Map<String, Object> error, List<Map<String, Object>> locations) {
    Map<String, Object> placed = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : error.entrySet()) {
      if (entry.getKey().equals("locations")) {
        continue;
      }
      placed.put(entry.getKey(), entry.getValue());
      if (entry.getKey().equals("message") && !locations.isEmpty()) {
        placed.put("locations", locations);
      }
    }
    return placed;
  }
}
