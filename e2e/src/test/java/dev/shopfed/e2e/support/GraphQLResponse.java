package dev.shopfed.e2e.support;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway answered to one HTTP request.
 *
 * @param label       which operation (or raw request) this answers, for failure messages
 * @param status      HTTP status
 * @param contentType the Content-Type header, or "" when absent
 * @param rawBody     the body as sent
 * @param body        the body parsed as JSON, or null when it was not JSON
 */
public record GraphQLResponse(String label, int status, String contentType, String rawBody, JsonNode body) {

  /** The {@code data} of a successful response; fails, quoting the response, on any error. */
  public JsonNode data() {
    if (status != 200 || body == null || hasErrors() || !body.path("data").isObject()) {
      throw new AssertionError(label + ": expected HTTP 200 with data and no errors, got " + describe());
    }
    return body.get("data");
  }

  /**
   * The {@code data} of an anonymous request whose only errors are the buyer's fields it may not see: each of
   * {@code unauthorized} (a top-level field) null with UNAUTHORIZED_FIELD_OR_TYPE at its path, and no other error.
   */
  public JsonNode dataWithout(String... unauthorized) {
    if (status != 200 || body == null || !body.path("data").isObject()) {
      throw new AssertionError(label + ": expected HTTP 200 with data, got " + describe());
    }
    Set<String> refused = new TreeSet<>();
    for (JsonNode error : body.path("errors")) {
      boolean authorization = error.path("extensions").path("code").asString().equals("UNAUTHORIZED_FIELD_OR_TYPE");
      if (!authorization || error.path("path").size() != 1) {
        throw new AssertionError(label + ": expected only UNAUTHORIZED_FIELD_OR_TYPE errors, got " + describe());
      }
      refused.add(error.path("path").path(0).asString());
    }
    if (!refused.equals(new TreeSet<>(List.of(unauthorized)))) {
      throw new AssertionError(label + ": expected UNAUTHORIZED_FIELD_OR_TYPE at " + List.of(unauthorized)
          + ", got " + describe());
    }
    for (String field : unauthorized) {
      if (!body.path("data").path(field).isNull()) {
        throw new AssertionError(label + ": " + field + " refused but not null: " + describe());
      }
    }
    return body.get("data");
  }

  public boolean hasErrors() {
    return body != null && body.has("errors");
  }

  public JsonNode errors() {
    return body == null ? null : body.get("errors");
  }

  public String describe() {
    return "HTTP " + status + " (" + contentType + "): " + abbreviate(rawBody);
  }

  private static String abbreviate(String text) {
    return text.length() <= 4000 ? text : text.substring(0, 4000) + "... (" + text.length() + " chars)";
  }
}
