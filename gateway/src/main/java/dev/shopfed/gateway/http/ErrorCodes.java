package dev.shopfed.gateway.http;

import java.util.List;
import java.util.Map;

/** The {@code extensions.code} of each error of a GraphQL response, for metrics and the access log. */
final class ErrorCodes {

  private ErrorCodes() {}

  static List<String> of(Map<String, Object> body) {
    if (!(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
      return List.of();
    }
    return errors.stream().map(ErrorCodes::code).toList();
  }

  private static String code(Object error) {
    if (error instanceof Map<?, ?> map && map.get("extensions") instanceof Map<?, ?> extensions
        && extensions.get("code") instanceof String code) {
      return code;
    }
    return "UNCODED";
  }
}
