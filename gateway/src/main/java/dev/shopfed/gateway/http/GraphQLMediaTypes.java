package dev.shopfed.gateway.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Content negotiation for GraphQL responses and the shape of the errors the HTTP layer produces itself. */
final class GraphQLMediaTypes {

  static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

  private GraphQLMediaTypes() {}

  /**
   * {@code application/graphql-response+json} when the client lists it (GraphQL over HTTP), otherwise
   * {@code application/json}, which every older client understands.
   */
  static MediaType responseType(HttpHeaders headers) {
    return accepted(headers).stream()
        .anyMatch(type -> type.getQualityValue() > 0 && type.equalsTypeAndSubtype(GRAPHQL_RESPONSE))
        ? GRAPHQL_RESPONSE
        : MediaType.APPLICATION_JSON;
  }

  /**
   * Whether the client takes {@code @defer} incrementally: it lists {@code multipart/mixed} with
   * {@code deferSpec=20220824} (or no deferSpec), as Apollo Client does.
   */
  static boolean acceptsIncremental(HttpHeaders headers) {
    return accepted(headers).stream().anyMatch(type -> type.getQualityValue() > 0
        && "multipart".equals(type.getType()) && "mixed".equals(type.getSubtype())
        && (type.getParameter("deferSpec") == null || "20220824".equals(type.getParameter("deferSpec"))));
  }

  /** Whether the client explicitly asks for HTML (a browser), not merely {@code *}{@code /*}. */
  static boolean wantsHtml(HttpHeaders headers) {
    return accepted(headers).stream()
        .anyMatch(type -> type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
  }

  /**
   * The request's Content-Type, or null when it has none. One that does not parse (a bad charset included), or
   * names a charset other than UTF-8, is refused with 415 rather than failing the request.
   */
  static MediaType requestContentType(HttpHeaders headers) {
    String value = headers.getFirst(HttpHeaders.CONTENT_TYPE);
    if (value == null || value.isBlank()) {
      return null;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(value);
    } catch (InvalidMediaTypeException e) {
      throw RejectedRequest.unsupportedMediaType("Content-Type is not a valid media type; send application/json");
    }
    String charset = type.getParameter("charset");
    if (charset != null && !isUtf8(charset)) {
      throw RejectedRequest.unsupportedMediaType("Only charset=utf-8 is supported");
    }
    return type;
  }

  private static boolean isUtf8(String charset) {
    String name = charset.startsWith("\"") && charset.endsWith("\"") && charset.length() > 1
        ? charset.substring(1, charset.length() - 1) : charset;
    return name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8");
  }

  static boolean isJson(MediaType contentType) {
    return "application".equals(contentType.getType())
        && ("json".equals(contentType.getSubtype()) || contentType.getSubtype().endsWith("+json"));
  }

  /** {@code {"errors":[{"message":...,"extensions":{"code":...}}]}}, the body of every error this layer answers. */
  static Map<String, Object> errorBody(String code, String message) {
    return errorBody(code, message, null);
  }

  /** As {@link #errorBody(String, String)}, citing the request id when there is one (for masked failures). */
  static Map<String, Object> errorBody(String code, String message, String requestId) {
    // Ordered as the specification lists an error's entries: message first.
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("code", code);
    if (requestId != null) {
      extensions.put("requestId", requestId);
    }
    error.put("extensions", extensions);
    return Map.of("errors", List.of(error));
  }

  private static List<MediaType> accepted(HttpHeaders headers) {
    try {
      return headers.getAccept();
    } catch (InvalidMediaTypeException e) {
      return List.of();
    }
  }
}
