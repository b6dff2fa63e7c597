package dev.shopfed.gateway.execution;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What of a subgraph's error reaches the client. A subgraph's internal failure (no code, an internal code, or DGS's
 * {@code INTERNAL} error type) may carry a stack trace, SQL or a host in its message, so it is replaced by a generic
 * error citing the request id; any other error keeps its message and code but loses the extensions that describe
 * the subgraph's insides. With pass-through on (development) errors go out as the subgraph wrote them.
 */
final class SubgraphErrorMasking {

  static final String MASKED_MESSAGE = "Internal error in a subgraph";

  private static final Set<String> INTERNAL_CODES = Set.of("INTERNAL_SERVER_ERROR", "INTERNAL", "INTERNAL_ERROR");
  private static final Set<String> INTERNAL_CLASSIFICATIONS = Set.of("INTERNAL", "DataFetchingException");
  /** Extension keys (lower-cased) that carry exceptions, traces or debug output. */
  private static final Set<String> LEAKING_KEYS = Set.of("exception", "exceptions", "stacktrace", "stack", "trace",
      "debuginfo", "debug", "cause", "exceptionclass", "classname", "class");
  /** A fully qualified class name, e.g. {@code java.sql.SQLException} or {@code com.acme.Foo$Bar}. */
  private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*");

  private final boolean passThrough;

  SubgraphErrorMasking(boolean passThrough) {
    this.passThrough = passThrough;
  }

  /** The client's copy of one error from {@code service}, with {@code serviceName} in its extensions. */
  Map<String, Object> apply(Map<String, Object> error, String service, String requestId) {
    if (passThrough) {
      return GraphQLErrors.withService(new LinkedHashMap<>(error), service);
    }
    if (isInternal(error)) {
      return masked(error.get("path"), service, requestId);
    }
    Map<String, Object> kept = new LinkedHashMap<>(error);
    if (error.get("extensions") instanceof Map<?, ?> extensions) {
      kept.put("extensions", withoutLeaks(extensions));
    }
    return GraphQLErrors.withService(kept, service);
  }

  /** Whether the error would be masked: what a whole failed fetch reports in its place. */
  boolean masks(Map<String, Object> error) {
    return !passThrough && isInternal(error);
  }

  static boolean isInternal(Map<String, Object> error) {
    if (!(error.get("extensions") instanceof Map<?, ?> extensions)) {
      return true;
    }
    if (!(extensions.get("code") instanceof String code) || code.isBlank()) {
      return true;
    }
    return INTERNAL_CODES.contains(code.toUpperCase(Locale.ROOT))
        || INTERNAL_CLASSIFICATIONS.contains(String.valueOf(extensions.get("errorType")))
        || INTERNAL_CLASSIFICATIONS.contains(String.valueOf(extensions.get("classification")));
  }

  private static Map<String, Object> masked(Object path, String service, String requestId) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", MASKED_MESSAGE);
    if (path instanceof java.util.List<?> list) {
      error.put("path", list);
    }
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", "INTERNAL_SERVER_ERROR");
    extensions.put("serviceName", service);
    if (requestId != null) {
      extensions.put("requestId", requestId);
    }
    error.put("extensions", extensions);
    return error;
  }

  private static Map<String, Object> withoutLeaks(Map<?, ?> extensions) {
    Map<String, Object> kept = new LinkedHashMap<>();
    extensions.forEach((key, value) -> {
      String name = String.valueOf(key);
      boolean leaks = LEAKING_KEYS.contains(name.toLowerCase(Locale.ROOT))
          || value instanceof String text && CLASS_NAME.matcher(text).find();
      if (!leaks) {
        kept.put(name, value);
      }
    });
    return kept;
  }
}
