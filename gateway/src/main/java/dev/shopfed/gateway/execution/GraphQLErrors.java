package dev.shopfed.gateway.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds GraphQL error objects in the specification's shape: message, locations, path, extensions. */
public final class GraphQLErrors {

  private GraphQLErrors() {}

  public static Map<String, Object> error(String message, List<Object> path, String code) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    if (path != null) {
      error.put("path", List.copyOf(path));
    }
    if (code != null) {
      error.put("extensions", new LinkedHashMap<>(Map.of("code", code)));
    }
    return error;
  }

  public static Map<String, Object> withService(Map<String, Object> error, String service) {
    @SuppressWarnings("unchecked")
    Map<String, Object> extensions = (Map<String, Object>) error.computeIfAbsent("extensions", k -> new LinkedHashMap<>());
    extensions.putIfAbsent("serviceName", service);
    return error;
  }

  public static Map<String, Object> withRequestId(Map<String, Object> error, String requestId) {
    @SuppressWarnings("unchecked")
    Map<String, Object> extensions = (Map<String, Object>) error.computeIfAbsent("extensions", k -> new LinkedHashMap<>());
    extensions.putIfAbsent("requestId", requestId);
    return error;
  }

  /** A response that carries only request errors (no data entry: execution never started). */
  public static Map<String, Object> requestErrors(List<Map<String, Object>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", errors);
    return body;
  }
}
