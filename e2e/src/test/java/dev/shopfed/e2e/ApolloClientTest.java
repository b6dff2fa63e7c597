package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.NodeClients;
import dev.shopfed.e2e.support.Operations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's contract operations through the client a React Native shopping app uses: Apollo Client with its
 * normalized InMemoryCache and the automatic persisted queries link ({@code e2e/src/test/clients/apollo-client.mjs}).
 * Every stored golden request that makes up no value anew (no {@code generated} paths) is sent as its buyer; the
 * answer Apollo hands the app must equal the golden answer (Apollo's own added {@code __typename}s aside), and the
 * cache must hold every entity of the raw answer as its own entry {@code Typename:id}, never inline.
 *
 * <p>State: the read-only files are sent as stored. The cart file's mutations change a cart, so they run as
 * {@value #CART_BUYER} (whom no other test uses, with an empty cart like {@value #GOLDEN_CART_BUYER}'s) and are
 * compared with the golden cart answers with the buyer's id put in, except the value of the cart products' stock,
 * which {@link GoldenAnswersTest}'s checkout lowers when it runs first; checkout and pay (which take stock and make
 * up ids) are left to that test. A price quote the golden variables name by placeholder ({@code ${priceQuote.p75}})
 * is signed afresh for every run, so the product page is asked for a live one first, as the app would.
 */
@ExtendWith(FederationExtension.class)
class ApolloClientTest {

  private static final List<String> READ_ONLY =
      List.of("feed", "videoPage", "productPage", "shopPage", "search", "creatorProfile", "orderHistory");
  private static final String CART_BUYER = "u46";
  private static final String GOLDEN_CART_BUYER = "u47";
  /** What another test's checkout of the cart's products changes: compared for presence and type only. */
  private static final List<String> LIVE_IN_CART = List.of("stock", "inStock");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern PRICE_QUOTE = Pattern.compile("\\$\\{priceQuote\\.([A-Za-z0-9_-]+)}");

  private final LocalFederation federation;
  private final Gateway gateway;
  private final Operations operations;
  private final Path root = ProjectLayout.locate().root();

  ApolloClientTest(LocalFederation federation, Gateway gateway, Operations operations) {
    this.federation = federation;
    this.gateway = gateway;
    this.operations = operations;
  }

  @Test
  void contractOperationsAnswerAsGoldenAndEveryEntityIsNormalized() throws Exception {
    List<Map<String, Object>> requests = new ArrayList<>();
    for (String file : READ_ONLY) {
      requests.addAll(goldenRequests(file, null));
    }
    requests.addAll(goldenRequests("cart", CART_BUYER));
    Path requestsFile = root.resolve("e2e/target/apollo-client/requests.json");
    Files.createDirectories(requestsFile.getParent());
    Files.writeString(requestsFile, NodeClients.json(requests));

    JsonNode report = NodeClients.locate().run(Duration.ofMinutes(3), "apollo-client.mjs",
        federation.graphqlUrl().toString(), federation.issuer().tokenUrl().toString(), requestsFile.toString());

    assertThat(report.path("requests").size()).as("requests Apollo Client sent").isEqualTo(requests.size());
    int entities = 0;
    for (JsonNode request : report.path("requests")) {
      String label = request.path("label").asString();
      assertThat(request.path("dataDifference").isNull()).as(label + ": " + request.path("dataDifference")).isTrue();
      assertThat(request.path("errorsDifference").isNull()).as(label + ": " + request.path("errorsDifference"))
          .isTrue();
      assertThat(request.path("entitiesWithoutEntry").isEmpty())
          .as(label + ": entities with no cache entry " + request.path("entitiesWithoutEntry")).isTrue();
      assertThat(request.path("inlineEntities").isEmpty())
          .as(label + ": entities stored inline " + request.path("inlineEntities")).isTrue();
      entities += request.path("entities").asInt();
    }
    assertThat(entities).as("entities checked in the cache").isGreaterThan(requests.size());

    JsonNode wire = report.path("wire");
    assertThat(wire.path("hashOnly").asInt()).as("every request goes out as its hash first; " + wire)
        .isEqualTo(requests.size());
    assertThat(wire.path("notFound").asInt()).as("each new document is registered once; " + wire)
        .isEqualTo(wire.path("withText").asInt()).isPositive();
    assertThat(wire.path("hashOnlyAnswered").asInt()).as("repeated documents run from their hash alone; " + wire)
        .isPositive();
  }

  /** The variables with each price-quote placeholder replaced by a quote the product page gives now. */
  private JsonNode withLiveQuotes(JsonNode variables) {
    Matcher placeholder = PRICE_QUOTE.matcher(JSON.writeValueAsString(variables));
    StringBuilder live = new StringBuilder();
    while (placeholder.find()) {
      String quote = gateway.anonymous(operations.get("productPage.graphql"), Map.of("id", placeholder.group(1)))
          .data().path("product").path("priceQuote").asString();
      assertThat(quote).as("live price quote of " + placeholder.group(1)).isNotBlank();
      placeholder.appendReplacement(live, Matcher.quoteReplacement(quote));
    }
    placeholder.appendTail(live);
    return JSON.readTree(live.toString());
  }

  /** The golden file's requests that make up no value anew; with a buyer, sent as that buyer instead. */
  private List<Map<String, Object>> goldenRequests(String file, String asBuyer) throws IOException {
    JsonNode golden = JSON.readTree(root.resolve("schema/contract/golden/" + file + ".json").toFile());
    String document = Files.readString(root.resolve(golden.path("operations").asString()));
    List<Map<String, Object>> requests = new ArrayList<>();
    int index = 0;
    for (JsonNode stored : golden.path("requests")) {
      index++;
      if (stored.has("generated") && !stored.path("generated").isEmpty()) {
        continue;
      }
      JsonNode expected = stored.path("response");
      String buyer = stored.path("signedInAs").isNull() ? null : stored.path("signedInAs").asString();
      if (asBuyer != null) {
        expected = JSON.readTree(JSON.writeValueAsString(expected).replace(GOLDEN_CART_BUYER, asBuyer));
        buyer = asBuyer;
      }
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("label", file + " #" + index + " " + stored.path("operationName").asString());
      request.put("buyer", buyer);
      request.put("document", document);
      request.put("operationName", stored.path("operationName").asString());
      request.put("variables", withLiveQuotes(stored.path("variables")));
      request.put("expected", expected);
      request.put("live", asBuyer == null ? List.of() : LIVE_IN_CART);
      requests.add(request);
    }
    return requests;
  }
}
