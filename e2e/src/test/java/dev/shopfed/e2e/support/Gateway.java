package dev.shopfed.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The app's view of the gateway: GraphQL over HTTP POST, signed in as a buyer (a bearer token) or anonymous. */
public final class Gateway {

  // The GraphQL-over-HTTP media type first: with it, request errors must come back as 4xx.
  static final String ACCEPT = "application/graphql-response+json, application/json;q=0.9";

  private final URI graphqlUrl;
  private final URI baseUrl;
  private final Tokens tokens;
  private final Duration requestTimeout;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final JsonMapper json = JsonMapper.builder().build();

  public Gateway(URI baseUrl, URI graphqlUrl, Tokens tokens) {
    this(baseUrl, graphqlUrl, tokens, Duration.ofSeconds(60));
  }

  private Gateway(URI baseUrl, URI graphqlUrl, Tokens tokens, Duration requestTimeout) {
    this.baseUrl = baseUrl;
    this.graphqlUrl = graphqlUrl;
    this.tokens = tokens;
    this.requestTimeout = requestTimeout;
  }

  /** The same gateway and sign-in, with GraphQL requests given up (an AssertionError) after {@code timeout}. */
  public Gateway withRequestTimeout(Duration timeout) {
    return new Gateway(baseUrl, graphqlUrl, tokens, timeout);
  }

  /** The seeded buyers' tokens, for requests that set their own headers. */
  public Tokens tokens() {
    return tokens;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public GraphQLResponse anonymous(Operation operation, Map<String, Object> variables) {
    return send(operation, variables, Map.of());
  }

  /** Signed in as a seeded buyer: {@code Authorization: Bearer} with their token from the dev issuer. */
  public GraphQLResponse as(String buyer, Operation operation, Map<String, Object> variables) {
    return send(operation, variables, tokens.header(buyer));
  }

  public GraphQLResponse send(Operation operation, Map<String, Object> variables, Map<String, String> headers) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("query", operation.document());
    if (operation.operationName() != null) {
      request.put("operationName", operation.operationName());
    }
    request.put("variables", variables);
    return post(operation.label(), json.writeValueAsString(request), headers);
  }

  /** Sends any body as-is, for requests the app would never send (malformed JSON and the like). */
  public GraphQLResponse post(String label, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(graphqlUrl)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", ACCEPT)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    HttpResponse<String> response = exchange(label, request.build());
    String contentType = response.headers().firstValue("content-type").orElse("");
    return new GraphQLResponse(label, response.statusCode(), contentType, response.body(), parse(response.body()));
  }

  /** A query over GET, which the gateway runs only with a CSRF header such as {@code apollo-require-preflight}. */
  public GraphQLResponse getQuery(String label, String query, Map<String, String> headers) {
    URI uri = URI.create(graphqlUrl + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .header("Accept", ACCEPT).GET();
    headers.forEach(request::header);
    HttpResponse<String> response = exchange(label, request.build());
    String contentType = response.headers().firstValue("content-type").orElse("");
    return new GraphQLResponse(label, response.statusCode(), contentType, response.body(), parse(response.body()));
  }

  /** A GET asking for JSON, as a script or {@code curl} would. */
  public HttpResponse<String> getJson(String path) {
    return exchange("GET " + path, HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json").GET().build());
  }

  public HttpResponse<String> get(String path) {
    return exchange("GET " + path, HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "text/html").GET().build());
  }

  private HttpResponse<String> exchange(String label, HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(label + ": no HTTP answer from the gateway at " + request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(label + ": interrupted", e);
    }
  }

  private JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (JacksonException e) {
      return null; // the caller asserts on it and quotes the raw body
    }
  }
}
