package dev.shopfed.e2e.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing in for the suite: a token per seeded buyer from the launcher's development issuer, fetched over HTTP as
 * the app (or the explorer) gets one, once per buyer per run (they last an hour, a run takes minutes).
 */
public final class Tokens {

  private final URI tokenUrl;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, String> byBuyer = new ConcurrentHashMap<>();

  public Tokens(URI tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  /** The access token of a seeded buyer {@code u1}..{@code u50}. */
  public String of(String buyer) {
    return byBuyer.computeIfAbsent(buyer, this::fetch);
  }

  /** The header that signs a request in as {@code buyer}. */
  public Map<String, String> header(String buyer) {
    return Map.of("Authorization", "Bearer " + of(buyer));
  }

  private String fetch(String buyer) {
    URI uri = URI.create(tokenUrl + "?sub=" + buyer);
    HttpResponse<String> response;
    try {
      response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("no answer from the dev identity issuer at " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while signing in as " + buyer, e);
    }
    if (response.statusCode() != 200) {
      throw new AssertionError("the dev identity issuer refused " + buyer + ": HTTP " + response.statusCode() + " "
          + response.body());
    }
    JsonNode token = json.readTree(response.body()).path("access_token");
    if (!token.isString() || token.asString().isBlank()) {
      throw new AssertionError("the dev identity issuer answered no access_token for " + buyer + ": "
          + response.body());
    }
    return token.asString();
  }
}
