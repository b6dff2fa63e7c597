package dev.shopfed.promo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.subgraphidentity.test.GatewayTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The whole application over HTTP, as the gateway and the e2e harness see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:promo-app-${random.uuid};MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class PromoApplicationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void answersOnlyTheGatewaysTokenForPromo() throws Exception {
        String feed = "{\"query\":\"{ feed(first: 1) { edges { cursor } } }\"}";
        for (String token : new String[] {null, "garbage", GatewayTokens.token("commerce", "u7"),
                GatewayTokens.issuedAt("promo", "u7", Instant.now().minusSeconds(600)),
                GatewayTokens.forged("promo", "u7")}) {
            HttpResponse<String> response = send(feed, token);
            assertThat(response.statusCode()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).at("/errors/0/extensions/code").asString())
                    .isEqualTo("UNAUTHENTICATED");
            assertThat(response.body()).doesNotContain("edges");
        }
        assertThat(send(feed, GatewayTokens.token("promo", "u7")).statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheFeedOverHttp() throws Exception {
        JsonNode body = post("{\"query\":\"{ feed(first: 3) { edges { node { __typename } } pageInfo { hasNextPage } } }\"}");
        assertThat(body.has("errors")).as(body.toString()).isFalse();
        assertThat(body.at("/data/feed/edges").size()).isEqualTo(3);
        assertThat(body.at("/data/feed/pageInfo/hasNextPage").asBoolean()).isTrue();
    }

    @Test
    void badInputIsAGraphQLErrorNotAStackTrace() throws Exception {
        JsonNode body = post("{\"query\":\"{ feed(first: -5) { edges { cursor } } }\"}");
        JsonNode error = body.at("/errors/0");
        assertThat(error.path("message").asString()).contains("first").doesNotContain("Exception", "at dev.");
        assertThat(error.at("/extensions/code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.at("/path/0").asString()).isEqualTo("feed");
    }

    @Test
    void unparsableQueryIsAGraphQLError() throws Exception {
        JsonNode body = post("{\"query\":\"{ feed( \"}");
        assertThat(body.at("/errors/0/extensions/code").asString()).isEqualTo("GRAPHQL_PARSE_FAILED");
        assertThat(body.at("/errors/0/locations/0/line").asInt()).isEqualTo(1);
    }

    private HttpResponse<String> send(String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header(GatewayTokens.HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the gateway sends it, with its identity token for promo. */
    private JsonNode post(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = send(json, GatewayTokens.token("promo", null));
        assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("json");
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
