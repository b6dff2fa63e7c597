package dev.shopfed.e2e.support;

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
