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

  /** Whether the client explicitly asks for HTML (a browser), not merely {@code *}{@code /*}. */
  static boolean wantsHtml(HttpHeaders headers) {
    return accepted(headers).stream()
        .anyMatch(type -> type.getQualityValue() > 0 && type.equalsTypeAndSubtype(MediaType.TEXT_HTML));
  }

  static boolean isJson(MediaType contentType) {
    return "application".equals(contentType.getType())
        && ("json".equals(contentType.getSubtype()) || contentType.getSubtype().endsWith("+json"));
  }

  /** {@code {"errors":[{"message":...,"extensions":{"code":...}}]}}, the body of every error this layer answers. */
  static Map<String, Object> errorBody(String code, String message) {
    // Ordered as the specification lists an error's entries: message first.
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("extensions", Map.of("code", code));
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
