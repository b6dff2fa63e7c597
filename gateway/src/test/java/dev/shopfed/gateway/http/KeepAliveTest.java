package dev.shopfed.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests on one keep-alive connection, each good one answered only after a subgraph fetch (from another thread
 * than the connection's): every request after a GET, or after a POST refused with its body unread or read in
 * part, is answered. The server once left the next request on such a connection unanswered, a GET about one time in
 * twenty and a request after a CSRF or media-type refusal at once.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveTest {

  private static final String DUNE = "{\"data\":{\"book\":{\"title\":\"Dune\"}}}";
  private static final String GOOD = "{\"query\":\"{ book(id: \\\"1\\\") { title } }\"}";
  private static WireMockServer books;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) throws Exception {
    books = new WireMockServer(wireMockConfig().dynamicPort());
    books.start();
    books.stubFor(post(urlEqualTo("/books")).willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody(DUNE)));
    Path supergraph = BooksSupergraph.writeTo(Files.createTempFile("books-supergraph", ".graphql"), BooksSupergraph.SDL);
    supergraph.toFile().deleteOnExit();
    registry.add("gateway.supergraph", supergraph::toString);
    registry.add("gateway.subgraph-urls.books", () -> books.baseUrl() + "/books");
  }

  @AfterAll
  static void stopSubgraph() {
    books.stop();
  }

  @Test
  void everyGetOnAReusedConnectionIsAnswered() throws Exception {
    String query = "/graphql?query=" + URLEncoder.encode("{ book(id: \"1\") { title } }", StandardCharsets.UTF_8);
    for (int round = 0; round < 150; round++) {
      HttpClient connection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 5; i++) {
        assertThat(send(connection, "POST", "/graphql", "application/json", GOOD).body()).isEqualTo(DUNE);
      }
      assertThat(send(connection, "GET", "/health", "application/json", null).statusCode()).isEqualTo(200);
      HttpResponse<String> answer = send(connection, "GET", query, "application/json", null);
      assertThat(answer.body()).as("round %d", round).isEqualTo(DUNE);
    }
  }

  @ParameterizedTest(name = "after {0}")
  @CsvSource(delimiter = '|', value = {
      "a CSRF refusal|application/x-www-form-urlencoded|query=x|0|400",
      "a media-type refusal|;;;garbage|{}|0|415",
      "an oversized body|application/json|x|3000000|413",
      "a large body refused unread|text/plain|x|1000000|400",
      "a validation failure|application/json|{\"query\":\"{ nope }\"}|0|400"})
  void everyRequestAfterARefusalOnAReusedConnectionIsAnswered(String refusal, String type, String body, int repeat,
      int status) throws Exception {
    String refused = repeat == 0 ? body : body.repeat(repeat);
    for (int round = 0; round < 20; round++) {
      HttpClient connection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (int i = 0; i < 5; i++) {
        assertThat(send(connection, "POST", "/graphql", "application/json", GOOD).body())
            .as("round %d, request %d", round, i).isEqualTo(DUNE);
        assertThat(send(connection, "POST", "/graphql", type, refused).statusCode()).isEqualTo(status);
      }
    }
  }

  private HttpResponse<String> send(HttpClient connection, String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("content-type", type);
    }
    return connection.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
