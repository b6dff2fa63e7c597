package dev.shopfed.bench;

import static graphql.schema.idl.TypeRuntimeWiring.newTypeWiring;

import graphql.schema.idl.RuntimeWiring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-process subgraphs of the engine benchmarks. */
final class Workloads {

  private Workloads() {}

  // ---- testquery: the gateway-benchmark subgraphs, same data and resolver quirks as bench/workload/subgraphs

  private static final List<Map<String, Object>> USERS = List.of(
      user("1", "Uri Goldshtein", "urigo"), user("2", "Dotan Simha", "dotansimha"),
      user("3", "Kamil Kisiela", "kamilkisiela"), user("4", "Arda Tanrikulu", "ardatan"),
      user("5", "Gil Gardosh", "gilgardosh"), user("6", "Laurin Quast", "laurin"));

  private static final List<Map<String, Object>> INVENTORY = new ArrayList<>();
  private static final List<Map<String, Object>> PRODUCTS = new ArrayList<>();
  private static final List<Map<String, Object>> REVIEWS = new ArrayList<>();

  static {
    boolean[] inStock = {true, false, false, false, true, true, true, false, true};
    for (int i = 0; i < inStock.length; i++) {
      INVENTORY.add(object("Product", "upc", String.valueOf(i + 1), "inStock", inStock[i]));
    }
    Object[][] products = {{"Table", 899, 100}, {"Couch", 1299, 1000}, {"Glass", 15, 20}, {"Chair", 499, 100},
        {"TV", 1299, 1000}, {"Lamp", 6999, 300}, {"Grill", 3999, 2000}, {"Fridge", 100000, 6000}, {"Sofa", 9999, 800}};
    for (int i = 0; i < products.length; i++) {
      PRODUCTS.add(object("Product", "upc", String.valueOf(i + 1), "name", products[i][0], "price", products[i][1],
          "weight", products[i][2]));
    }
    String l1 = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.";
    String l2 = "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi";
    String l3 = "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.";
    String l4 = "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem";
    String l5 = "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.";
    Object[][] reviews = {{l1, "1"}, {l2, "1"}, {l3, "1"}, {l4, "1"}, {l1, "2"}, {l2, "2"}, {l3, "2"}, {l4, "2"},
        {l4, "3"}, {l4, "4"}, {l5, "4"}};
    for (int i = 0; i < reviews.length; i++) {
      REVIEWS.add(object("Review", "id", String.valueOf(i + 1), "body", reviews[i][0],
          "product", object("Product", "upc", reviews[i][1])));
    }
  }

  static InProcessSubgraphs testQuery() {
    InProcessSubgraphs s = new InProcessSubgraphs();
    s.add("accounts", Resources.text("testquery/accounts.graphql"), RuntimeWiring.newRuntimeWiring()
            .type(newTypeWiring("Query")
                .dataFetcher("me", env -> USERS.get(0))
                .dataFetcher("user", env -> find(USERS, "id", env.getArgument("id")))
                .dataFetcher("users", env -> USERS))
            .build(),
        ref -> find(USERS, "id", ref.get("id")));
    // like the Rust subgraph: looked up by upc only, so the @requires'd price/weight are unused and
    // shippingEstimate is null
    s.add("inventory", Resources.text("testquery/inventory.graphql"), RuntimeWiring.newRuntimeWiring()
            .type(newTypeWiring("Product").dataFetcher("shippingEstimate", env -> {
              Map<String, Object> p = env.getSource();
              if (!(p.get("price") instanceof Integer price)) {
                return null;
              }
              return price > 1000 ? 0 : p.get("weight") instanceof Integer w ? w / 2 : null;
            }))
            .build(),
        ref -> find(INVENTORY, "upc", ref.get("upc")));
    s.add("products", Resources.text("testquery/products.graphql"), RuntimeWiring.newRuntimeWiring()
            .type(newTypeWiring("Query").dataFetcher("topProducts", env -> {
              Integer first = env.getArgument("first");
              return PRODUCTS.subList(0, Math.min(PRODUCTS.size(), first == null ? 5 : first));
            }))
            .build(),
        ref -> find(PRODUCTS, "upc", ref.get("upc")));
    // like the Rust subgraph: every review's author is user 1
    s.add("reviews", Resources.text("testquery/reviews.graphql"), RuntimeWiring.newRuntimeWiring()
            .type(newTypeWiring("Review").dataFetcher("author",
                env -> object("User", "id", "1", "username", "urigo", "reviews", REVIEWS.subList(0, 2))))
            .type(newTypeWiring("Product").dataFetcher("reviews", env -> {
              Object upc = ((Map<?, ?>) env.getSource()).get("upc");
              return REVIEWS.stream().filter(r -> ((Map<?, ?>) r.get("product")).get("upc").equals(upc)).toList();
            }))
            .build(),
        ref -> switch ((String) ref.get("__typename")) {
          case "Review" -> find(REVIEWS, "id", ref.get("id"));
          case "User" -> object("User", "id", ref.get("id"), "username", "user", "reviews", REVIEWS.subList(0, 2));
          case "Product" -> object("Product", "upc", ref.get("upc"));
          default -> null;
        });
    return s;
  }

  // ---- batch: catalog lists n products (distinct of them different), pricing resolves each

  static InProcessSubgraphs batch() {
    InProcessSubgraphs s = new InProcessSubgraphs();
    s.add("catalog", Resources.text("batch/catalog.graphql"), RuntimeWiring.newRuntimeWiring()
            .type(newTypeWiring("Query").dataFetcher("products", env -> {
              int n = env.getArgument("n");
              int distinct = env.getArgument("distinct");
              List<Map<String, Object>> out = new ArrayList<>(n);
              for (int i = 0; i < n; i++) {
                int id = i % distinct;
                out.add(object("Product", "id", "p" + id, "name", "Product number " + id, "category", "C" + (id % 17)));
              }
              return out;
            }))
            .build(),
        ref -> object("Product", "id", ref.get("id"), "name", "Product " + ref.get("id"), "category", "C"));
    s.add("pricing", Resources.text("batch/pricing.graphql"), RuntimeWiring.newRuntimeWiring().build(),
        ref -> {
          int id = Integer.parseInt(((String) ref.get("id")).substring(1));
          return object("Product", "id", ref.get("id"),
              "price", object("Money", "amount", 100 + id * 7 % 9000, "currency", "EUR"),
              "stock", id % 50, "tags", List.of("t" + id % 3, "t" + id % 5));
        });
    return s;
  }

  // ---- helpers

  private static Map<String, Object> user(String id, String name, String username) {
    return object("User", "id", id, "name", name, "username", username, "birthday", 1234567890);
  }

  static Map<String, Object> object(String typename, Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("__typename", typename);
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return map;
  }

  private static Map<String, Object> find(List<Map<String, Object>> list, String key, Object value) {
    for (Map<String, Object> m : list) {
      if (m.get(key).equals(value)) {
        return m;
      }
    }
    return null;
  }
}
