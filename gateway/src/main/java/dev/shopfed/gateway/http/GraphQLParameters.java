package dev.shopfed.gateway.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
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
    return fromJson(decodeBody(body, json));
  }

  /** A POST body as JSON: an object (one operation) or, for a batch, an array; refused unless UTF-8 JSON. */
  static Object decodeBody(byte[] body, JsonMapper json) {
    if (body.length == 0) {
      throw RejectedRequest.badRequest("Request body is empty; expected a JSON object with a query");
    }
    if (!isUtf8(body)) {
      throw RejectedRequest.badRequest("Request body is not valid UTF-8");
    }
    return decode(body, json, "Request body");
  }

  /** From one decoded JSON value: the body, or one entry of a batch. */
  static GraphQLParameters fromJson(Object decoded) {
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

  /** Checked through a small buffer, so a large body costs no second copy. */
  private static boolean isUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(4096);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    return !result.isError() && !decoder.flush(out).isError();
  }

  private static Object decode(byte[] text, JsonMapper json, String what) {
    try {
      return json.readValue(text, Object.class);
    } catch (StreamConstraintsException e) {
      // Its message names the parser's classes; say what the limit is about instead.
      throw RejectedRequest.badRequest(what + " exceeds a JSON parser limit (nesting depth, number or string length)");
    } catch (JacksonException e) {
      throw RejectedRequest.badRequest(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }
}
