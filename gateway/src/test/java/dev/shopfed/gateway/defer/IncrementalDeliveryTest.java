package dev.shopfed.gateway.defer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.cost.DemandControlOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.Json;
import dev.shopfed.gateway.execution.SubgraphClient;
import dev.shopfed.gateway.supergraph.Subgraph;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Executor fixtures for {@code @defer}: the first part is produced while a deferred fetch is still held by its
 * subgraph, later parts carry list indexes in their paths, nested parts come after the part they are nested in, and
 * a deferred fragment's errors stay in its own part.
 */
class IncrementalDeliveryTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  /** One canned subgraph answer: for the subgraph's requests whose body holds {@code marker}, once {@code gate} opens. */
  private record Answer(String subgraph, String marker, String body, CompletableFuture<Void> gate) {}

  private final List<Answer> answers = new ArrayList<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private GatewayEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  private CompletableFuture<Void> answer(String subgraph, String marker, String body) {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    answers.add(new Answer(subgraph, marker, body, gate));
    return gate;
  }

  private void answerNow(String subgraph, String marker, String body) {
    answer(subgraph, marker, body).complete(null);
  }

  private GatewayEngine engine() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/planning/basic/supergraph.graphql"));
    engine = GatewayEngine.load(sdl, GatewayOptions.defaults(), this::post);
    return engine;
  }

  /** The first answer (in the order given) whose marker the body holds; the most specific come first. */
  private CompletableFuture<SubgraphClient.SubgraphResponse> post(Subgraph subgraph, byte[] body,
      Map<String, List<String>> headers) {
    String text = new String(body, StandardCharsets.UTF_8);
    sent.add(subgraph.name() + " " + text);
    for (Answer a : answers) {
      if (a.subgraph().equals(subgraph.name()) && text.contains(a.marker())) {
        return a.gate().thenApply(open -> new SubgraphClient.SubgraphResponse(200, a.body().getBytes()));
      }
    }
    return CompletableFuture.failedFuture(new AssertionError("unexpected request to " + subgraph.name() + ": " + text));
  }

  private static String json(Object value) {
    return Json.writeString(value);
  }

  private static List<String> parts(IncrementalResponse response) {
    List<String> parts = new CopyOnWriteArrayList<>();
    response.subscribe(part -> parts.add(json(part)));
    return parts;
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within %s", BOUND).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  private IncrementalResponse run(String query) throws Exception {
    return engine().executeIncrementally(GatewayRequest.of(query)).get(BOUND.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void firstPartIsProducedWhileTheDeferredFetchIsHeld() throws Exception {
    answerNow("products", "__typename",
        "{\"data\":{\"topProducts\":[{\"__typename\":\"Product\",\"upc\":\"1\"},{\"__typename\":\"Product\",\"upc\":\"2\"}]}}");
    answerNow("products", "name", "{\"data\":{\"topProducts\":[{\"name\":\"Mug\"},{\"name\":\"Pen\"}]}}");
    CompletableFuture<Void> reviews = answer("reviews", "_entities",
        "{\"data\":{\"_entities\":[{\"reviews\":[{\"body\":\"Sturdy\"}]},{\"reviews\":[]}]}}");

    IncrementalResponse response = run("{ topProducts { name ... @defer(label: \"reviews\") { reviews { body } } } }");
    List<String> parts = parts(response);

    assertThat(json(response.initial().body()))
        .isEqualTo("{\"data\":{\"topProducts\":[{\"name\":\"Mug\"},{\"name\":\"Pen\"}]},\"hasNext\":true}");
    await(() -> sent.stream().anyMatch(s -> s.startsWith("reviews ")));
    assertThat(parts).isEmpty();
    assertThat(response.finished()).isNotDone();

    reviews.complete(null);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(parts).containsExactly("{\"hasNext\":false,\"incremental\":["
        + "{\"data\":{\"reviews\":[{\"body\":\"Sturdy\"}]},\"path\":[\"topProducts\",0],\"label\":\"reviews\"},"
        + "{\"data\":{\"reviews\":[]},\"path\":[\"topProducts\",1],\"label\":\"reviews\"}]}");
  }

  /** Was disabled among the unsupported features until incremental delivery landed. */
  @Test
  void deferredFragmentArrivesLater() throws Exception {
    answerNow("accounts", "name", "{\"data\":{\"me\":{\"name\":\"Ann\"}}}");
    answerNow("accounts", "id", "{\"data\":{\"me\":{\"id\":\"u1\"}}}");

    IncrementalResponse response = run("{ me { id ... @defer { name } } }");
    List<String> parts = parts(response);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(response.initial().outcome()).isEqualTo(GatewayResponse.Outcome.EXECUTED);
    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"me\":{\"id\":\"u1\"}},\"hasNext\":true}");
    assertThat(parts).containsExactly(
        "{\"hasNext\":false,\"incremental\":[{\"data\":{\"name\":\"Ann\"},\"path\":[\"me\"]}]}");
  }

  @Test
  void nestedPartComesAfterThePartItIsNestedIn() throws Exception {
    CompletableFuture<Void> price = answer("products", "price", "{\"data\":{\"product\":{\"price\":12}}}");
    answerNow("products", "__typename", "{\"data\":{\"product\":{\"__typename\":\"Product\",\"upc\":\"1\"}}}");
    answerNow("products", "name", "{\"data\":{\"product\":{\"name\":\"Mug\"}}}");
    answerNow("reviews", "_entities",
        "{\"data\":{\"_entities\":[{\"reviews\":[{\"body\":\"Sturdy\",\"author\":{\"__typename\":\"User\",\"id\":\"u1\"}}]}]}}");
    answerNow("accounts", "_entities", "{\"data\":{\"_entities\":[{\"name\":\"Ann\"}]}}");

    IncrementalResponse response = run("{ product(upc: \"1\") { name ... @defer(label: \"outer\") { price "
        + "... @defer(label: \"inner\") { reviews { body author { name } } } } } }");
    List<String> parts = parts(response);

    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"product\":{\"name\":\"Mug\"}},\"hasNext\":true}");
    await(() -> sent.stream().anyMatch(s -> s.startsWith("accounts ")));
    assertThat(parts).as("the inner part waits for the outer one").isEmpty();

    price.complete(null);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);
    assertThat(parts).containsExactly(
        "{\"hasNext\":true,\"incremental\":[{\"data\":{\"price\":12},\"path\":[\"product\"],\"label\":\"outer\"}]}",
        "{\"hasNext\":false,\"incremental\":[{\"data\":{\"reviews\":[{\"body\":\"Sturdy\",\"author\":{\"name\":\"Ann\"}}]},"
            + "\"path\":[\"product\"],\"label\":\"inner\"}]}");
  }

  @Test
  void deferredFragmentsErrorsStayInItsPart() throws Exception {
    answerNow("products", "price", "{\"data\":{\"product\":{\"price\":null}},"
        + "\"errors\":[{\"message\":\"price unavailable\",\"path\":[\"product\",\"price\"]}]}");
    answerNow("products", "name", "{\"data\":{\"product\":{\"name\":\"Mug\"}}}");

    IncrementalResponse response = run("{ product(upc: \"1\") { name ... @defer { price } } }");
    List<String> parts = parts(response);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"product\":{\"name\":\"Mug\"}},\"hasNext\":true}");
    assertThat(parts).hasSize(1);
    assertThat(parts.get(0)).startsWith("{\"hasNext\":false,\"incremental\":[{\"data\":null,\"path\":[\"product\"],"
        + "\"errors\":[{\"message\":\"Internal error in a subgraph\",\"path\":[\"product\",\"price\"]"); // masked
  }

  @Test
  void deferWithIfFalseIsAnsweredInOnePart() throws Exception {
    answerNow("products", "price", "{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
    IncrementalResponse response = engine().executeIncrementally(new GatewayRequest(
        "query Q($later: Boolean!) { product(upc: \"1\") { name ... @defer(if: $later) { price } } }", null,
        Map.of("later", false), Map.of(), Map.of(), false)).get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(response.incremental()).isFalse();
    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
  }

  @Test
  void clientWithoutIncrementalDeliveryGetsTheWholeAnswer() throws Exception {
    answerNow("products", "price", "{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
    GatewayResponse response = engine().execute(GatewayRequest.of("{ product(upc: \"1\") { name ... @defer { price } } }"))
        .get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(json(response.body())).isEqualTo("{\"data\":{\"product\":{\"name\":\"Mug\",\"price\":12}}}");
  }

  @Test
  void demandControlWeighsTheWholeOperationNotEachPart() throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/planning/basic/supergraph.graphql"));
    engine = GatewayEngine.load(sdl, GatewayOptions.defaults().withDemandControl(
        new DemandControlOptions(true, 15, 10, DemandControlOptions.Mode.ENFORCE)), this::post);
    String part = "{ topProducts { name } }"; // 10 products: cost 10, within the limit alone

    IncrementalResponse response = engine.executeIncrementally(GatewayRequest.of(
        "{ ... @defer { topProducts { name } } ... @defer { latestReviews { body } } }"))
        .get(BOUND.toSeconds(), TimeUnit.SECONDS);

    answerNow("products", "name", "{\"data\":{\"topProducts\":[]}}");
    assertThat(json(engine.execute(GatewayRequest.of(part)).get(BOUND.toSeconds(), TimeUnit.SECONDS).body()))
        .isEqualTo("{\"data\":{\"topProducts\":[]}}");
    assertThat(response.incremental()).isFalse();
    assertThat(json(response.initial().body())).contains("COST_ESTIMATED_TOO_EXPENSIVE");
  }

  @Test
  void deferredRootFieldsComeAtTheEmptyPath() throws Exception {
    answerNow("accounts", "me", "{\"data\":{\"me\":{\"id\":\"u1\"}}}");
    answerNow("products", "topProducts", "{\"data\":{\"topProducts\":[{\"name\":\"Mug\"}]}}");

    IncrementalResponse response = run("{ me { id } ... @defer { topProducts { name } } }");
    List<String> parts = parts(response);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"me\":{\"id\":\"u1\"}},\"hasNext\":true}");
    assertThat(parts).containsExactly(
        "{\"hasNext\":false,\"incremental\":[{\"data\":{\"topProducts\":[{\"name\":\"Mug\"}]},\"path\":[]}]}");
  }

  @Test
  void objectWhoseFieldsAreAllDeferredComesEmptyFirst() throws Exception {
    answerNow("accounts", "name", "{\"data\":{\"me\":{\"name\":\"Ann\"}}}");
    answerNow("accounts", "__typename", "{\"data\":{\"me\":{\"_deferredOnly\":\"User\"}}}");

    IncrementalResponse response = run("{ me { ... @defer { name } } }");
    List<String> parts = parts(response);
    response.finished().get(BOUND.toSeconds(), TimeUnit.SECONDS);

    assertThat(json(response.initial().body())).isEqualTo("{\"data\":{\"me\":{}},\"hasNext\":true}");
    assertThat(parts).containsExactly(
        "{\"hasNext\":false,\"incremental\":[{\"data\":{\"name\":\"Ann\"},\"path\":[\"me\"]}]}");
  }

  @Test
  void invalidDeferredFragmentRefusesTheRequest() throws Exception {
    IncrementalResponse response = run("{ product(upc: \"1\") { name ... @defer { nope } } }");

    assertThat(response.incremental()).isFalse();
    assertThat(response.initial().outcome()).isEqualTo(GatewayResponse.Outcome.REQUEST_ERROR);
    assertThat(sent).isEmpty();
  }
}
