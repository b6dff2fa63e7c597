package dev.shopfed.gateway.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters of a GraphQL-over-HTTP request, checked for shape only (the engine parses and validates the
 * operation itself). {@code query} is null when the request names a persisted operation by hash instead
 * ({@code extensions.persistedQuery}), which the engine looks up.
 */
record GraphQLParameters(String query, String operationName, Map<String, Object> variables,
    Map<String, Object> extensions) {

  /** From a POST body: a JSON object with {@code query}, {@code operationName}, {@code variables}, {@code extensions}. */
  static GraphQLParameters fromJsonBody(byte[] body, JsonMapper json) {
    if (body.length == 0) {
      throw RejectedRequest.badRequest("Request body is empty; expected a JSON object with a query");
    }
    Object decoded = decode(body, json, "Request body");
    if (!(decoded instanceof Map<?, ?> fields)) {
      throw RejectedRequest.badRequest("Request body must be a JSON object");
    }
    Map<String, Object> extensions = object(fields.get("extensions"), "extensions");
    return new GraphQLParameters(
        query(fields.get("query"), extensions),
        operationName(fields.get("operationName")),
        object(fields.get("variables"), "variables"),
        extensions);
  }

  /** From GET query parameters, where {@code variables} and {@code extensions} are JSON text. */
  static GraphQLParameters fromQueryParameters(Map<String, String> parameters, JsonMapper json) {
    Map<String, Object> extensions = object(decodeParameter(parameters.get("extensions"), json, "extensions"), "extensions");
    return new GraphQLParameters(
        query(parameters.get("query"), extensions),
        operationName(parameters.get("operationName")),
        object(decodeParameter(parameters.get("variables"), json, "variables"), "variables"),
        extensions);
  }

  private static String query(Object value, Map<String, Object> extensions) {
    if (value == null && extensions.containsKey("persistedQuery")) {
      return null;
    }
    if (value == null) {
      throw RejectedRequest.badRequest("Missing query: send the operation text as 'query'");
    }
    if (!(value instanceof String text)) {
      throw RejectedRequest.badRequest("'query' must be a string");
    }
    if (text.isBlank()) {
      throw RejectedRequest.badRequest("'query' is empty");
    }
    return text;
  }

  private static String operationName(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String name)) {
      throw RejectedRequest.badRequest("'operationName' must be a string");
    }
    // Some clients send "" for "no operation name".
    return name.isEmpty() ? null : name;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String name) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw RejectedRequest.badRequest("'" + name + "' must be a JSON object");
    }
    return (Map<String, Object>) map;
  }

  private static Object decodeParameter(String text, JsonMapper json, String name) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return decode(text.getBytes(StandardCharsets.UTF_8), json, "'" + name + "'");
  }

  private static Object decode(byte[] text, JsonMapper json, String what) {
    try {
      return json.readValue(text, Object.class);
    } catch (JacksonException e) {
      throw RejectedRequest.badRequest(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
