package dev.shopfed.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The whole application over real HTTP, as the gateway and the e2e suite reach it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties =
        "spring.datasource.url=jdbc:h2:mem:app-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class CommerceApplicationTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
    }

    @Test
    void theUserHeaderTravelsOverHttp() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ me { id cart { id } } }\"}", "u7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.data.me.id")).isEqualTo("u7");
        assertThat(JsonPath.<String>read(response.body(), "$.data.me.cart.id")).isEqualTo("cart-u7");
    }

    @Test
    void aCheckoutOverHttpCanBeReplayed() throws Exception {
        post("{\"query\":\"mutation { addToCart(productId: \\\"p2\\\") { id } }\"}", "u8");
        String body = "{\"query\":\"mutation { checkout(idempotencyKey: \\\"http-1\\\") { id status } }\"}";

        String first = JsonPath.read(post(body, "u8").body(), "$.data.checkout.id");
        String replay = JsonPath.read(post(body, "u8").body(), "$.data.checkout.id");

        assertThat(replay).isEqualTo(first);
    }

    @Test
    void syntaxErrorsAreSpecShapedJson() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ product(id: \\\"p1\\\" { id } }\"}", null);

        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].extensions.code")).containsExactly("GRAPHQL_PARSE_FAILED");
        assertThat(JsonPath.<List<Object>>read(response.body(), "$.errors[0].locations")).isNotEmpty();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void businessErrorsCarryACodeAndNoStackTrace() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"mutation { checkout(idempotencyKey: \\\"x\\\") { id } }\"}", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[0].path")).containsExactly("checkout");
        assertThat(response.body()).doesNotContain("dev.shopfed").doesNotContain("at org.");
    }

    private HttpResponse<String> post(String json, String userId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (userId != null) {
            request.header("x-user-id", userId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
