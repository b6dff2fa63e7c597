package dev.shopfed.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import dev.shopfed.subgraphidentity.test.GatewayTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
    void withoutTheGatewaysTokenNothingIsAnswered() throws Exception {
        String costPrice = "{\"query\":\"{ product(id: \\\"p1\\\") { costPrice { amount } } }\"}";
        assertRefused(send(costPrice, null));
        assertRefused(send(costPrice, "not-a-token"));
        assertRefused(send(costPrice, GatewayTokens.token("promo", "u7")));
        assertRefused(send(costPrice, GatewayTokens.issuedAt("commerce", "u7", Instant.now().minusSeconds(600))));
        assertRefused(send(costPrice, GatewayTokens.forged("commerce", "u7")));
        assertRefused(send(costPrice, GatewayTokens.withIssuer("commerce", "u7", "someone-else")));

        HttpResponse<String> gateway = send(costPrice, GatewayTokens.token("commerce", null));
        assertThat(gateway.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Object>read(gateway.body(), "$.data.product.costPrice.amount")).isNotNull();
    }

    @Test
    void aClaimedSubjectHeaderIsIgnored() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/graphql")).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .header(GatewayTokens.HEADER, GatewayTokens.token("commerce", null))
                .header("x-verified-subject", "u7").header("x-user-id", "u7")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<Object>read(response.body(), "$.data.me")).isNull();
    }

    @Test
    void theGatewaysTokenNamesTheBuyer() throws Exception {
        HttpResponse<String> response = post("{\"query\":\"{ me { id cart { id } } }\"}", "u7");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(response.body(), "$.data.me.id")).isEqualTo("u7");
        assertThat(JsonPath.<String>read(response.body(), "$.data.me.cart.id")).isEqualTo("cart-u7");
    }

    /** As the gateway asks for a @requires of promo's: the User entity, with the buyer's own identity token. */
    @Test
    void thePurchaseHistoryIsServedToItsBuyersTokenOnly() throws Exception {
        String history = "{\"query\":\"{ _entities(representations: [{ __typename: \\\"User\\\", id: \\\"u3\\\" }]) "
                + "{ ... on User { purchaseHistory { categories shopIds } } } }\"}";

        HttpResponse<String> own = post(history, "u3");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(own.body(), "$.data._entities[0].purchaseHistory.categories"))
                .containsExactly("BEAUTY", "HOME");
        assertThat(JsonPath.<List<String>>read(own.body(), "$.data._entities[0].purchaseHistory.shopIds"))
                .containsExactly("s11", "s39");

        HttpResponse<String> stranger = post(history, "u5");
        assertThat(JsonPath.<List<String>>read(stranger.body(), "$.errors[*].extensions.code")).containsExactly("FORBIDDEN");
        assertThat(stranger.body()).doesNotContain("BEAUTY").doesNotContain("s39");
        assertThat(JsonPath.<List<String>>read(post(history, null).body(), "$.errors[*].extensions.code"))
                .containsExactly("FORBIDDEN");
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

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(response.body()).doesNotContain("costPrice").doesNotContain("amount");
    }

    /** As the gateway sends it: with its identity token for this subgraph, naming the buyer (null: anonymous). */
    private HttpResponse<String> post(String json, String userId) throws IOException, InterruptedException {
        return send(json, GatewayTokens.token("commerce", userId));
    }

    private HttpResponse<String> send(String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/graphql"))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header(GatewayTokens.HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
