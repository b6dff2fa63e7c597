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
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * POSTs, then GET after GET on one keep-alive connection, the last answered only after a subgraph fetch: the server once left
 * such a request unanswered about one time in twenty (its body never read, its answer written from another thread).
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveGetTest {

  private static final String DUNE = "{\"data\":{\"book\":{\"title\":\"Dune\"}}}";
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
        assertThat(send(connection, "POST", "/graphql", "{\"query\":\"{ book(id: \\\"1\\\") { title } }\"}").body())
            .isEqualTo(DUNE);
      }
      assertThat(send(connection, "GET", "/health", null).statusCode()).isEqualTo(200);
      HttpResponse<String> answer = send(connection, "GET", query, null);
      assertThat(answer.body()).as("round %d", round).isEqualTo(DUNE);
    }
  }

  private HttpResponse<String> send(HttpClient connection, String method, String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return connection.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
