package dev.shopfed.e2e.parity;

import dev.shopfed.e2e.support.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one GraphQL request over HTTP POST and returns the response body as an ordered map, whatever
 * the status: both gateways get byte-for-byte the same request, headers included.
 */
public final class GraphQLClient {

  // As the app (and support.Gateway) sends it.
  private static final String ACCEPT = "application/graphql-response+json, application/json;q=0.9";

  private final String name;
  private final URI url;
  private final Tokens tokens;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  public GraphQLClient(String name, URI url, Tokens tokens) {
    this.name = name;
    this.url = url;
    this.tokens = tokens;
  }

  /** The request body for an operation, as both gateways receive it. */
  public static String body(String query, String operationName, Map<String, Object> variables) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("query", query);
    if (operationName != null) {
      body.put("operationName", operationName);
    }
    body.put("variables", variables);
    return ParityJson.write(body);
  }

  /** The parsed response; signed in as buyer {@code userId} (a bearer token), anonymously when it is null. */
  public Map<String, Object> execute(String body, String userId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Accept", ACCEPT)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (userId != null) {
      tokens.header(userId).forEach(request::header);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(name + " at " + url + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name, e);
    }
    try {
      return ParityJson.parseObject(response.body());
    } catch (RuntimeException e) {
      throw new AssertionError(name + " answered HTTP " + response.statusCode() + " with no JSON object: "
          + response.body(), e);
    }
  }
}
