package dev.shopfed.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.shopfed.e2e.parity.ApolloGatewayAuthorization;
import dev.shopfed.e2e.parity.ApolloGatewayProcess;
import dev.shopfed.e2e.parity.GraphQLClient;
import dev.shopfed.e2e.parity.KnownApolloDefects;
import dev.shopfed.e2e.parity.ParityJson;
import dev.shopfed.e2e.parity.QueryGenerator;
import dev.shopfed.e2e.parity.QueryGenerator.GeneratedQuery;
import dev.shopfed.e2e.parity.ResponseComparison;
import dev.shopfed.e2e.parity.SubgraphUrls;
import dev.shopfed.e2e.support.FederationExtension;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.Operations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our gateway against Apollo Gateway on our own federation: with the suite's commerce and promo
 * subgraphs, Apollo Gateway (the gateway module's Node test project) serves the same supergraph
 * with its subgraph URLs pointed at them, and both gateways get the same requests, the buyer's
 * bearer token from the dev issuer included: every read operation of the app's contract with realistic variables, and seeded random
 * queries over the API schema. They must agree on {@code data} exactly (key order included) and on
 * the (path, extensions.code) of every error. Mutations are left out: they change state.
 *
 * <p>Apollo Gateway neither verifies client tokens nor tells the subgraphs who is asking on its own, so
 * {@code e2e/src/test/node/apollo-gateway.mjs} runs it with both added as our gateway does them (the same issuer,
 * the same {@code x-gateway-identity} tokens). It has no {@code @authenticated}: for anonymous requests our
 * UNAUTHORIZED_FIELD_OR_TYPE errors are left out of the comparison ({@link ApolloGatewayAuthorization}). Reproduce a random run with {@code -Dparity.seed=N};
 * {@code -Dparity.random=N} sets how many random queries run.
 */
@ExtendWith(FederationExtension.class)
class ApolloParityTest {

  /** Fixed, so that every build sends the same random queries; other seeds explore further. */
  private static final long DEFAULT_SEED = 20260301L;
  private static final long SEED = Long.getLong("parity.seed", DEFAULT_SEED);
  private static final int RANDOM_QUERIES = Integer.getInteger("parity.random", 40);

  /**
   * Contract cases (by name) where the two gateways disagree and it is not yet established which is
   * right: reported as skipped with what is known, never compared silently. Empty while they agree.
   */
  private static final Map<String, String> UNDECIDED = Map.of();

  /** Random queries (default seed, by index) where Apollo Gateway's answer was checked by hand and found wrong. */
  private static final Map<Integer, String> APOLLO_WRONG_BY_HAND = Map.of(
      4, "the same data in another key order: in each a18 campaign, fragment F19 collects name before the "
          + "__typename and the F27 fields (a28, vouchers, a37) of its third inline fragment, and our gateway answers "
          + "in that order; Apollo Gateway moves name after a37 (GraphQL spec, CollectFields)");

  private static final Pattern OPERATION = Pattern.compile("(?m)^\\s*(query|mutation|subscription)\\s+(\\w+)");

  private static ApolloGatewayProcess apollo;
  private static GraphQLClient apolloClient;
  private static GraphQLClient ourClient;
  private static Operations contract;

  @BeforeAll
  static void startApolloGateway(Gateway gateway, Operations operations) throws IOException {
    ProjectLayout layout = ProjectLayout.locate();
    contract = operations;
    ourClient = new GraphQLClient("our gateway", gateway.baseUrl().resolve("/graphql"), gateway.tokens());
    Map<String, URI> urls = new LinkedHashMap<>(SubgraphUrls.ofGatewayOnPort(gateway.baseUrl().getPort()));
    // Our gateway answers the consent subgraph itself; Apollo Gateway is never asked for it (see ShopSamples).
    urls.put("consent", gateway.baseUrl().resolve("/consent/graphql"));
    apollo = ApolloGatewayProcess.start(layout.root(), layout.supergraph(), urls);
    apolloClient = new GraphQLClient("Apollo Gateway", apollo.url(), gateway.tokens());
  }

  @AfterAll
  static void stopApolloGateway() {
    if (apollo != null) {
      apollo.close();
      apollo = null;
    }
  }

  @TestFactory
  Stream<DynamicTest> contractReadOperations() {
    return contractCases().stream().map(c -> dynamicTest(c.name(), () -> {
      String reason = UNDECIDED.get(c.name());
      if (reason != null) {
        Assumptions.abort("disabled, the gateways disagree and it is not established which is right: " + reason);
      }
      Document document = Document.of(contract.dir(), c.file());
      String body = GraphQLClient.body(document.text(), c.operationName(), c.variables().get());
      Map<String, Object> apolloAnswer = apolloClient.execute(body, c.userId());
      assertTrue(apolloAnswer.containsKey("data"),
          c.name() + ": Apollo Gateway rejected the operation, so there is nothing to compare: "
              + ParityJson.write(apolloAnswer));
      assertAgree(apolloAnswer, comparable(ourClient.execute(body, c.userId()), c.userId()), c.name());
    }));
  }

  @TestFactory
  Stream<DynamicTest> randomQueries() {
    Supplier<QueryGenerator> generator = new Supplier<>() {
      private QueryGenerator made;

      @Override
      public synchronized QueryGenerator get() {
        if (made == null) {
          made = new QueryGenerator(introspection(), new ShopSamples());
        }
        return made;
      }
    };
    return IntStream.range(0, RANDOM_QUERIES).mapToObj(i -> dynamicTest("random seed=" + SEED + " #" + i, () -> {
      GeneratedQuery query = generator.get().generate(SEED * 1_000_003L + i);
      String shown = "random seed=" + SEED + " #" + i + " as " + (query.userId() == null ? "anonymous" : query.userId())
          + "\n" + query.query() + "\nvariables: " + ParityJson.write(query.variables());
      String body = GraphQLClient.body(query.query(), null, query.variables());
      Map<String, Object> apolloAnswer = apolloClient.execute(body, query.userId());
      assertTrue(apolloAnswer.containsKey("data"),
          "Apollo Gateway rejected a generated query: " + shown + "\n" + ParityJson.write(apolloAnswer));
      Map<String, Object> ourAnswer = comparable(ourClient.execute(body, query.userId()), query.userId());
      Optional<String> difference = ResponseComparison.difference(apolloAnswer, ourAnswer);
      if (difference.isPresent()) {
        String where = difference.get().lines().findFirst().orElse("");
        String byHand = SEED == DEFAULT_SEED ? APOLLO_WRONG_BY_HAND.get(i) : null;
        if (byHand != null) {
          Assumptions.abort("Apollo Gateway is wrong here (checked by hand): " + byHand + " [" + where + "]: " + shown);
        }
        KnownApolloDefects.explain(apolloAnswer, ourAnswer)
            .ifPresent(reason -> Assumptions.abort(reason + " [" + where + "]: " + shown));
      }
      assertAgree(apolloAnswer, ourAnswer, shown);
    }));
  }

  /** A new query in the contract must get a case here: the comparison covers every read the app makes. */
  @Test
  void everyContractQueryHasACase() {
    TreeSet<String> queries = new TreeSet<>();
    try (Stream<Path> files = Files.list(contract.dir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
        Matcher matcher = OPERATION.matcher(Document.of(contract.dir(), file.getFileName().toString()).text());
        while (matcher.find()) {
          if (matcher.group(1).equals("query")) {
            queries.add(file.getFileName() + "#" + matcher.group(2));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TreeSet<String> covered = new TreeSet<>();
    contractCases().forEach(c -> covered.add(c.file() + "#" + c.operationName()));
    TreeSet<String> missing = new TreeSet<>(queries);
    missing.removeAll(covered);
    assertTrue(missing.isEmpty(), "contract queries with no parity case: " + missing);
    assertTrue(queries.containsAll(covered), "parity cases for operations not in the contract: " + covered);
  }

  /**
   * The API schema both gateways serve: every type of ours (fields, arguments, defaults, descriptions)
   * and the directives' names, locations and arguments. Left out: the introspection types ({@code __*})
   * and, of the built-in scalars and directives, what the GraphQL library defines (graphql-java on our
   * side, graphql-js on Apollo's): descriptions and directive argument types, which are not part of our schema.
   */
  @Test
  void apiSchemaAgrees() {
    String body = GraphQLClient.body(INTROSPECTION, null, Map.of());
    assertAgree(apiSchemaOnly(apolloClient.execute(body, null)), apiSchemaOnly(ourClient.execute(body, null)),
        "the introspected API schema");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> apiSchemaOnly(Map<String, Object> answer) {
    Object schema = at(answer, "data", "__schema");
    if (!(schema instanceof Map<?, ?>)) {
      return answer;
    }
    Map<String, Object> copy = ParityJson.parseObject(ParityJson.write(answer));
    Map<String, Object> copied = (Map<String, Object>) at(copy, "data", "__schema");
    List<Object> types = new ArrayList<>();
    for (Object type : (List<Object>) copied.get("types")) {
      Map<String, Object> t = (Map<String, Object>) type;
      String name = String.valueOf(t.get("name"));
      if (name.startsWith("__")) {
        continue;
      }
      if (List.of("String", "Int", "Float", "Boolean", "ID").contains(name)) {
        t.remove("description");
      }
      types.add(t);
    }
    copied.put("types", types);
    for (Object directive : (List<Object>) copied.get("directives")) {
      Map<String, Object> d = (Map<String, Object>) directive;
      d.remove("description");
      // Names only: the built-in @deprecated(reason:) is String! in graphql-java (as in the September 2025
      // GraphQL spec) and String in graphql-js (October 2021 spec); neither is part of our schema.
      d.put("args", ((List<Object>) d.get("args")).stream().map(arg -> ((Map<String, Object>) arg).get("name")).toList());
    }
    return copy;
  }

  /** Ours as Apollo Gateway, which has no {@code @authenticated}, can answer it: see the class comment. */
  private static Map<String, Object> comparable(Map<String, Object> ourAnswer, String userId) {
    return userId == null ? ApolloGatewayAuthorization.withoutAuthorizationErrors(ourAnswer) : ourAnswer;
  }

  private static void assertAgree(Map<String, Object> apolloAnswer, Map<String, Object> ourAnswer, String what) {
    Optional<String> difference = ResponseComparison.difference(apolloAnswer, ourAnswer);
    if (difference.isPresent()) {
      fail("our gateway disagrees with Apollo Gateway on " + what + "\n" + difference.get());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> introspection() {
    Map<String, Object> answer = apolloClient.execute(GraphQLClient.body(INTROSPECTION, null, Map.of()), null);
    if (!(answer.get("data") instanceof Map<?, ?> data)) {
      throw new IllegalStateException("Apollo Gateway's introspection failed: " + ParityJson.write(answer));
    }
    return (Map<String, Object>) data;
  }

  // ---- the contract's reads, with the variables the app sends ----

  /** One read of the contract: which operation, as whom, with what variables. */
  private record ContractCase(String file, String operationName, String userId, String about,
                              Supplier<Map<String, Object>> variables) {
    String name() {
      return file + "#" + operationName + " " + about + (userId == null ? " anonymous" : " as " + userId);
    }
  }

  private static ContractCase read(String file, String operation, String userId, Map<String, Object> variables) {
    return new ContractCase(file, operation, userId, ParityJson.write(variables), () -> variables);
  }

  /** A second page: the first page's endCursor (from our gateway; the first page itself is compared too). */
  private static ContractCase nextPage(String file, String operation, Map<String, Object> variables, String connection) {
    return new ContractCase(file, operation, null, ParityJson.write(variables) + " page 2", () -> {
      Map<String, Object> answer = ourClient.execute(
          GraphQLClient.body(Document.of(contract.dir(), file).text(), operation, variables), null);
      Object cursor = at(answer, "data", connection, "pageInfo", "endCursor");
      assertTrue(cursor instanceof String, file + "#" + operation + ": no endCursor on page 1: " + ParityJson.write(answer));
      Map<String, Object> page2 = new LinkedHashMap<>(variables);
      page2.put("after", cursor);
      return page2;
    });
  }

  /** A shop's product connection is one level down. */
  private static ContractCase shopNextPage(String shopId, int first) {
    Map<String, Object> variables = Map.of("id", shopId, "first", first);
    return new ContractCase("shopPage.graphql", "ShopPage", null, ParityJson.write(variables) + " page 2", () -> {
      Map<String, Object> answer = ourClient.execute(
          GraphQLClient.body(Document.of(contract.dir(), "shopPage.graphql").text(), "ShopPage", variables), null);
      Object cursor = at(answer, "data", "shop", "products", "pageInfo", "endCursor");
      assertTrue(cursor instanceof String, "ShopPage: no endCursor on page 1: " + ParityJson.write(answer));
      Map<String, Object> page2 = new LinkedHashMap<>(variables);
      page2.put("after", cursor);
      return page2;
    });
  }

  private static Object at(Object value, String... keys) {
    Object current = value;
    for (String key : keys) {
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
    }
    return current;
  }

  private static List<ContractCase> contractCases() {
    List<ContractCase> cases = new ArrayList<>();
    // Cart screen: a buyer with a seeded cart, another, and nobody signed in (me is null).
    cases.add(read("cart.graphql", "Cart", "u1", Map.of()));
    cases.add(read("cart.graphql", "Cart", "u8", Map.of()));
    cases.add(read("cart.graphql", "Cart", "u37", Map.of()));
    cases.add(read("cart.graphql", "Cart", null, Map.of()));
    // Creator profile.
    cases.add(read("creatorProfile.graphql", "CreatorProfile", null, Map.of("id", "c1")));
    cases.add(read("creatorProfile.graphql", "CreatorProfile", "u3", Map.of("id", "c7", "videos", 3)));
    cases.add(read("creatorProfile.graphql", "CreatorProfile", null, Map.of("id", "c60", "videos", 0)));
    cases.add(read("creatorProfile.graphql", "CreatorProfile", null, Map.of("id", "c999")));
    cases.add(read("creatorProfile.graphql", "CreatorProfile", null, Map.of("id", "c2", "videos", -1)));
    // Home feed, its first pages and a bad cursor.
    cases.add(read("feed.graphql", "Feed", null, Map.of()));
    cases.add(read("feed.graphql", "Feed", "u5", Map.of("first", 25)));
    cases.add(nextPage("feed.graphql", "Feed", Map.of("first", 10), "feed"));
    cases.add(read("feed.graphql", "Feed", null, Map.of("first", 3, "after", "not-a-cursor")));
    // Order history and one order: its buyer, another buyer, nobody, an unknown order.
    cases.add(read("orderHistory.graphql", "OrderHistory", "u8", Map.of()));
    cases.add(read("orderHistory.graphql", "OrderHistory", "u2", Map.of("first", 1)));
    cases.add(read("orderHistory.graphql", "OrderHistory", "u49", Map.of()));
    cases.add(read("orderHistory.graphql", "OrderHistory", null, Map.of()));
    cases.add(read("orderHistory.graphql", "OrderDetail", "u8", Map.of("id", "o1")));
    cases.add(read("orderHistory.graphql", "OrderDetail", "u2", Map.of("id", "o3")));
    cases.add(read("orderHistory.graphql", "OrderDetail", "u2", Map.of("id", "o1")));
    cases.add(read("orderHistory.graphql", "OrderDetail", null, Map.of("id", "o1")));
    cases.add(read("orderHistory.graphql", "OrderDetail", "u8", Map.of("id", "o999")));
    // Product page.
    cases.add(read("productPage.graphql", "ProductPage", null, Map.of("id", "p1")));
    cases.add(read("productPage.graphql", "ProductPage", "u4", Map.of("id", "p2", "withVideos", false)));
    cases.add(read("productPage.graphql", "ProductPage", null, Map.of("id", "p77")));
    cases.add(read("productPage.graphql", "ProductPage", null, Map.of("id", "p150")));
    cases.add(read("productPage.graphql", "ProductPage", null, Map.of("id", "p300")));
    cases.add(read("productPage.graphql", "ProductPage", null, Map.of("id", "p999999")));
    // Search: text, filters, paging, and the errors the app can provoke.
    cases.add(read("search.graphql", "Search", null, Map.of()));
    cases.add(read("search.graphql", "Search", null, Map.of("search", "kopi")));
    cases.add(read("search.graphql", "Search", "u6", Map.of("search", "batik", "first", 5)));
    cases.add(read("search.graphql", "Search", null, Map.of("filter", Map.of("category", "FASHION"), "first", 5)));
    cases.add(read("search.graphql", "Search", null,
        Map.of("filter", Map.of("city", "Bandung", "inStockOnly", true), "first", 10)));
    cases.add(read("search.graphql", "Search", null,
        Map.of("filter", Map.of("category", "ELECTRONICS", "minPrice", 100000, "maxPrice", 1500000))));
    cases.add(read("search.graphql", "Search", null, Map.of("search", "zzzz-nothing")));
    cases.add(nextPage("search.graphql", "Search", Map.of("filter", Map.of("category", "HOME"), "first", 7), "products"));
    cases.add(read("search.graphql", "Search", null, Map.of("first", 101)));
    cases.add(read("search.graphql", "Search", null, Map.of("after", "not-a-cursor")));
    // Shop page.
    cases.add(read("shopPage.graphql", "ShopPage", null, Map.of("id", "s1")));
    cases.add(read("shopPage.graphql", "ShopPage", "u9", Map.of("id", "s40", "first", 5)));
    cases.add(shopNextPage("s2", 4));
    cases.add(read("shopPage.graphql", "ShopPage", null, Map.of("id", "s999")));
    // Video page.
    cases.add(read("videoPage.graphql", "VideoPage", null, Map.of("id", "v1")));
    cases.add(read("videoPage.graphql", "VideoPage", "u10", Map.of("id", "v200", "moreFromCreator", 2)));
    cases.add(read("videoPage.graphql", "VideoPage", null, Map.of("id", "v420")));
    cases.add(read("videoPage.graphql", "VideoPage", null, Map.of("id", "v9999")));
    return cases;
  }

  /** A contract document's text. */
  private record Document(String text) {
    static Document of(Path dir, String file) {
      try {
        return new Document(Files.readString(dir.resolve(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---- sample values for random queries: ids that exist in the seed data, and a few that do not ----

  private static final class ShopSamples implements QueryGenerator.Samples {
    /**
     * Consent is ours alone: Apollo Gateway would send a buyer's purchase history to promo without asking, and it
     * cannot answer the consent API, which our gateway answers itself. ConsentTest covers these.
     */
    private static final Set<String> CONSENT_FIELDS = Set.of("User.recommendedCampaigns", "Query.myConsents",
        "Query.myDataCrossings");

    private final Map<String, List<Object>> values = Map.ofEntries(
        Map.entry("Query.product.id", List.of("p1", "p2", "p17", "p42", "p99", "p150", "p233", "p300", "p0")),
        Map.entry("Query.shop.id", List.of("s1", "s5", "s12", "s26", "s40", "s41")),
        Map.entry("Query.order.id", List.of("o1", "o3", "o8", "o21", "o40", "o41")),
        Map.entry("Query.video.id", List.of("v1", "v7", "v64", "v200", "v333", "v420", "v421")),
        Map.entry("Query.creator.id", List.of("c1", "c2", "c13", "c30", "c60", "c61")),
        Map.entry("first", List.of(0, 1, 2, 3, 5, -1)),
        // Mostly left out (null omits the argument); a foreign cursor now and then.
        Map.entry("after", nullsAnd("not-a-cursor")),
        Map.entry("search", List.of("kopi", "Batik", "tas", "serum", "zzz", "")),
        Map.entry("city", List.of("Jakarta", "Bandung", "Surabaya", "Medan", "Atlantis")),
        Map.entry("minPrice", List.of(0, 50000, 150000)),
        Map.entry("maxPrice", List.of(100000, 300000, 1000000)));

    private static List<Object> nullsAnd(Object value) {
      List<Object> pool = new ArrayList<>();
      pool.add(null);
      pool.add(null);
      pool.add(null);
      pool.add(value);
      return pool;
    }

    @Override
    public boolean selectable(String parentType, String field) {
      return !CONSENT_FIELDS.contains(parentType + "." + field);
    }

    @Override
    public List<Object> values(String parentType, String field, String argument, String namedType) {
      for (String key : List.of(parentType + "." + field + "." + argument, argument)) {
        List<Object> pool = values.get(key);
        if (pool != null) {
          return pool;
        }
      }
      return List.of();
    }

    @Override
    public List<String> users() {
      List<String> users = new ArrayList<>();
      users.add(null);
      users.addAll(List.of("u1", "u2", "u8", "u15", "u23", "u50"));
      return users;
    }
  }

  private static final String TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name "
      + "ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }";

  private static final String INTROSPECTION = "query Introspection { __schema { queryType { name } "
      + "mutationType { name } subscriptionType { name } "
      + "types { kind name description "
      + "fields(includeDeprecated: true) { name description args { name description type { " + TYPE_REF + " } "
      + "defaultValue } type { " + TYPE_REF + " } isDeprecated deprecationReason } "
      + "inputFields { name description type { " + TYPE_REF + " } defaultValue } "
      + "interfaces { " + TYPE_REF + " } "
      + "enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } "
      + "possibleTypes { " + TYPE_REF + " } } "
      + "directives { name description locations args { name description type { " + TYPE_REF + " } defaultValue } } } }";
}
