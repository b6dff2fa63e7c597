package dev.shopfed.gateway.migration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.shopfed.gateway.GatewayEngine;
import dev.shopfed.gateway.GatewayOptions;
import dev.shopfed.gateway.execution.GatewayRequest;
import dev.shopfed.gateway.execution.GatewayResponse;
import dev.shopfed.gateway.execution.Json;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.FieldCounts;
import dev.shopfed.gateway.migration.ShadowCompareSnapshot.Mismatch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shadow compare against two subgraphs (WireMock): "old" answers the fields under override while their labels are
 * off, as the client's owner; "new" is the other owner the shadow asks. Its answers are planted to agree or not.
 */
class ShadowCompareTest {

  private static final String ORDERS = "{ orders { id total city address { street zip } } }";
  private static final String OLD_ORDERS = """
      {"data":{"orders":[
        {"__typename":"Order","id":"1","total":42,"city":"Lisbon","address":{"street":"Rua A","zip":1000}},
        {"__typename":"Order","id":"2","total":7,"city":"Lisbon","address":{"street":"Rua B","zip":1000}}]}}""";
  private static final String NEW_SAME = """
      {"data":{"_entities":[
        {"total":42,"city":"Lisbon","address":{"street":"Rua A","zip":1000}},
        {"total":7,"city":"Lisbon","address":{"street":"Rua B","zip":1000}}]}}""";
  /** Order 2 differs in every overridden field: its total, its city, its address's zip. */
  private static final String NEW_DIFFERENT = """
      {"data":{"_entities":[
        {"total":42,"city":"Lisbon","address":{"street":"Rua A","zip":1000}},
        {"total":8,"city":"Lisboa","address":{"street":"Rua B","zip":1001}}]}}""";
  private static final ShadowCompareOptions ALWAYS = new ShadowCompareOptions(100, 4, 1000);
  /** Short, for the shadow to time out; long enough for a cold first request to "old". */
  private static final Duration TIMEOUT = Duration.ofMillis(1500);

  private static final InFlight newInFlight = new InFlight("/new");
  private static WireMockServer subgraphs;
  private final List<GatewayEngine> engines = new ArrayList<>();

  @BeforeAll
  static void start() {
    subgraphs = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(80).extensions(newInFlight));
    subgraphs.start();
  }

  @AfterAll
  static void stop() {
    subgraphs.stop();
  }

  @BeforeEach
  void reset() {
    subgraphs.resetAll();
    newInFlight.reset();
  }

  @AfterEach
  void close() {
    engines.forEach(GatewayEngine::close);
  }

  @Test
  void equalAnswersAreComparedAndRecordNoMismatch() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_SAME));
    GatewayEngine engine = engine(ALWAYS);

    run(engine, ORDERS);

    awaitSettled(engine, "Order.total", 1);
    ShadowCompareSnapshot snapshot = engine.shadowCompare().snapshot();
    assertThat(snapshot.fields()).containsOnlyKeys("Order.total", "Order.city", "Order.address");
    assertThat(snapshot.fields().get("Order.total")).isEqualTo(new FieldCounts("new-totals", 1, 0, 0, 0));
    assertThat(snapshot.fields().get("Order.city")).isEqualTo(new FieldCounts("order-details", 1, 0, 0, 0));
    assertThat(snapshot.fields().get("Order.address")).isEqualTo(new FieldCounts("order-details", 1, 0, 0, 0));
    assertThat(snapshot.mismatches()).isEmpty();
    subgraphs.verify(1, postRequestedFor(urlEqualTo("/new")));
  }

  @Test
  void aPlantedMismatchIsCaughtWithItsPathBothHashesAndARedactedShape() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_DIFFERENT));
    GatewayEngine engine = engine(ALWAYS);

    run(engine, ORDERS);
    run(engine, ORDERS);

    awaitSettled(engine, "Order.total", 2);
    ShadowCompareSnapshot snapshot = engine.shadowCompare().snapshot();
    assertThat(snapshot.fields().get("Order.total")).isEqualTo(new FieldCounts("new-totals", 2, 2, 0, 0));
    assertThat(snapshot.mismatches()).hasSize(3); // seen twice each: counted, not repeated
    Mismatch total = mismatch(snapshot, "Order.total");
    assertThat(total.path()).containsExactly("orders", 1, "total");
    assertThat(total.count()).isEqualTo(2);
    assertThat(total.client().subgraph()).isEqualTo("old");
    assertThat(total.shadow().subgraph()).isEqualTo("new");
    assertThat(total.client().sha256()).isEqualTo(sha256("7"));
    assertThat(total.shadow().sha256()).isEqualTo(sha256("8"));
    assertThat(total.client().shape()).isEqualTo("number");
    assertThat(total.differences()).containsExactly(List.of());
    Mismatch city = mismatch(snapshot, "Order.city");
    assertThat(city.path()).containsExactly("orders", 1, "city");
    assertThat(city.client().shape()).isEqualTo("string(6)");
    assertThat(city.shadow().shape()).isEqualTo("string(6)");
    assertThat(city.client().sha256()).isEqualTo(sha256("\"Lisbon\""));
    assertThat(city.shadow().sha256()).isEqualTo(sha256("\"Lisboa\""));
    Mismatch address = mismatch(snapshot, "Order.address");
    assertThat(address.path()).containsExactly("orders", 1, "address");
    assertThat(address.client().shape()).isEqualTo(Map.of("street", "string(5)", "zip", "number"));
    assertThat(address.differences()).containsExactly(List.of("zip"));
    // Nothing of the values themselves reaches the record.
    assertThat(Json.writeString(snapshot)).doesNotContain("Lisbon", "Lisboa", "Rua B", "1001");
  }

  @Test
  void withTheLabelOnTheClientsOwnerIsNewAndTheShadowAsksOld() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_DIFFERENT));
    GatewayEngine engine = engine(ALWAYS, Set.of("new-totals"), Duration.ofSeconds(10));

    run(engine, "{ orders { id total } }");

    awaitSettled(engine, "Order.total", 1);
    Mismatch total = mismatch(engine.shadowCompare().snapshot(), "Order.total");
    assertThat(total.client().subgraph()).isEqualTo("new");
    assertThat(total.client().sha256()).isEqualTo(sha256("8"));
    assertThat(total.shadow().subgraph()).isEqualTo("old");
    assertThat(total.shadow().sha256()).isEqualTo(sha256("7"));
  }

  @Test
  void theClientsAnswerIsByteIdenticalWithTheShadowOnOrOffWhateverTheShadowMeets() throws Exception {
    stubOld(OLD_ORDERS);
    GatewayEngine off = engine(ShadowCompareOptions.defaults(), Set.of(), TIMEOUT);
    GatewayEngine on = engine(ALWAYS, Set.of(), TIMEOUT);
    byte[] reference = Json.write(run(off, ORDERS).body());

    for (var shadowAnswer : List.of(okJson(NEW_DIFFERENT), okJson(NEW_SAME), aResponse().withStatus(500),
        okJson("{\"errors\":[{\"message\":\"down\"}]}"), okJson(NEW_SAME).withFixedDelay(4000))) {
      stubNew(shadowAnswer);
      assertThat(Json.write(run(on, ORDERS).body())).isEqualTo(reference);
    }
    assertThat(new String(reference, StandardCharsets.UTF_8)).contains("\"total\":7", "\"city\":\"Lisbon\"");
  }

  @Test
  void aFailingShadowIsCountedAsFailedNeverAsAMismatch() throws Exception {
    stubOld(OLD_ORDERS);
    GatewayEngine engine = engine(ALWAYS, Set.of(), TIMEOUT);

    stubNew(aResponse().withStatus(500));
    run(engine, ORDERS);
    awaitSettled(engine, "Order.total", 1);
    stubNew(okJson("{\"errors\":[{\"message\":\"entity lookup failed\"}],\"data\":{\"_entities\":[null,null]}}"));
    run(engine, ORDERS);
    awaitSettled(engine, "Order.total", 2);
    stubNew(okJson(NEW_DIFFERENT).withFixedDelay(4000)); // past the subgraph timeout
    run(engine, ORDERS);
    awaitSettled(engine, "Order.total", 3);

    ShadowCompareSnapshot snapshot = engine.shadowCompare().snapshot();
    assertThat(snapshot.fields().get("Order.total")).isEqualTo(new FieldCounts("new-totals", 0, 0, 3, 0));
    assertThat(snapshot.fields().get("Order.city")).isEqualTo(new FieldCounts("order-details", 0, 0, 3, 0));
    assertThat(snapshot.mismatches()).isEmpty();
    assertThat(snapshot.inFlight()).isZero();
  }

  @Test
  void theClientDoesNotWaitForASlowShadow() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_SAME).withFixedDelay(4000));
    GatewayEngine engine = engine(ALWAYS);
    run(engine, "{ orders { id note } }"); // warm up: nothing overridden, nothing shadowed

    long started = System.nanoTime();
    CompletableFuture<GatewayResponse> answer = engine.execute(GatewayRequest.of(ORDERS));
    answer.get(10, TimeUnit.SECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    ShadowCompareSnapshot whileShadowing = engine.shadowCompare().snapshot();
    assertThat(took).isLessThan(Duration.ofMillis(2000));
    assertThat(whileShadowing.fields().get("Order.total").compared()).isZero();
    assertThat(whileShadowing.inFlight()).isEqualTo(1);
    awaitSettled(engine, "Order.total", 1);
    assertThat(engine.shadowCompare().snapshot().fields().get("Order.total").compared()).isEqualTo(1);
  }

  @Test
  void mutationsAreNeverShadowed() throws Exception {
    // One answer for both: each operation's response is shaped from what it selected.
    String order = "{\"__typename\":\"Order\",\"id\":\"1\",\"total\":42,\"city\":\"Lisbon\"}";
    stubOld("{\"data\":{\"renameOrder\":" + order + ",\"order\":" + order + "}}");
    stubNew(okJson(NEW_SAME));
    GatewayEngine engine = engine(ALWAYS);

    for (int i = 0; i < 5; i++) {
      run(engine, "mutation { renameOrder(id: \"1\", note: \"gift\") { id total city } }");
    }
    run(engine, "{ order(id: \"1\") { id total city } }"); // a query after them is: proof the shadow is on

    awaitSettled(engine, "Order.total", 1);
    subgraphs.verify(5, postRequestedFor(urlEqualTo("/old")).withRequestBody(
        containing("renameOrder")));
    subgraphs.verify(1, postRequestedFor(urlEqualTo("/new")));
    assertThat(engine.shadowCompare().snapshot().fields().get("Order.total").compared()).isEqualTo(1);
  }

  @Test
  void aQueryWithoutOverriddenFieldsOrWithTheShareAtZeroIsNotShadowed() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_DIFFERENT));
    GatewayEngine always = engine(ALWAYS);
    GatewayEngine never = engine(ShadowCompareOptions.defaults());

    run(always, "{ orders { id note } }");
    run(never, ORDERS);
    run(always, ORDERS); // the last: once it is compared, the others had their chance

    awaitSettled(always, "Order.total", 1);
    subgraphs.verify(1, postRequestedFor(urlEqualTo("/new")));
    assertThat(never.shadowCompare().snapshot().fields().values())
        .allSatisfy(c -> assertThat(c.compared() + c.failed() + c.skipped()).isZero());
  }

  @Test
  void atMostMaxInFlightShadowsReachTheOtherOwnerUnderFiftyConcurrentClients() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_SAME).withFixedDelay(500));
    GatewayEngine engine = engine(new ShadowCompareOptions(100, 3, 1000));
    run(engine, "{ orders { id note } }");

    List<CompletableFuture<GatewayResponse>> clients = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      clients.add(CompletableFuture.supplyAsync(() -> engine.execute(GatewayRequest.of(ORDERS)).join()));
    }
    CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    awaitSettled(engine, "Order.total", 50);

    ShadowCompareSnapshot snapshot = engine.shadowCompare().snapshot();
    FieldCounts total = snapshot.fields().get("Order.total");
    assertThat(newInFlight.max()).isBetween(2, 3);
    assertThat(total.skipped()).isPositive().isEqualTo(snapshot.skippedInFlight());
    assertThat(total.compared()).isEqualTo(subgraphs.countRequestsMatching(
        postRequestedFor(urlEqualTo("/new")).build()).getCount());
    assertThat(total.failed()).isZero();
  }

  @Test
  void thePerSecondBudgetCapsTheRate() throws Exception {
    stubOld(OLD_ORDERS);
    stubNew(okJson(NEW_SAME));
    GatewayEngine engine = engine(new ShadowCompareOptions(100, 50, 2));

    long started = System.nanoTime();
    int requests = 30;
    for (int i = 0; i < requests; i++) {
      run(engine, ORDERS);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    awaitSettled(engine, "Order.total", requests);

    ShadowCompareSnapshot snapshot = engine.shadowCompare().snapshot();
    FieldCounts total = snapshot.fields().get("Order.total");
    // The bucket starts full (2) and gains 2 a second.
    assertThat(total.compared()).isBetween(2L, (long) Math.floor(2 + 2 * seconds));
    assertThat(total.skipped()).isEqualTo(requests - total.compared()).isEqualTo(snapshot.skippedBudget());
    assertThat(snapshot.skippedInFlight()).isZero();
  }

  // --- helpers

  private GatewayEngine engine(ShadowCompareOptions shadow) throws Exception {
    return engine(shadow, Set.of(), Duration.ofSeconds(10));
  }

  private GatewayEngine engine(ShadowCompareOptions shadow, Set<String> labels, Duration timeout) throws Exception {
    String sdl = Files.readString(Path.of("src/test/resources/migration/shadow-supergraph.graphql"));
    GatewayOptions options = new GatewayOptions(Map.of(
        "old", URI.create(subgraphs.baseUrl() + "/old"),
        "new", URI.create(subgraphs.baseUrl() + "/new")), timeout, labels, List.of(), 100, null, null, null, null, null)
        .withShadowCompare(shadow);
    // each client's fetches its own requests: the shadow's counts and in-flight bound are what is tested here
    options = options.withTraffic(options.traffic().withAll(options.traffic().all().withDeduplicate(false)));
    GatewayEngine engine = GatewayEngine.load(sdl, options);
    engines.add(engine);
    return engine;
  }

  private static GatewayResponse run(GatewayEngine engine, String query) throws Exception {
    GatewayResponse response = engine.execute(GatewayRequest.of(query)).get(10, TimeUnit.SECONDS);
    assertThat(response.body()).as(response.body().toString()).doesNotContainKey("errors");
    return response;
  }

  private static void stubOld(String body) {
    subgraphs.stubFor(post(urlEqualTo("/old")).willReturn(okJson(body)));
  }

  private static void stubNew(ResponseDefinitionBuilder answer) {
    subgraphs.stubFor(post(urlEqualTo("/new")).willReturn(answer));
  }

  /** Until the field's shadowed queries have all ended (compared, failed or skipped) and none is running. */
  private static void awaitSettled(GatewayEngine engine, String field, long shadowed) throws InterruptedException {
    await(() -> {
      ShadowCompareSnapshot s = engine.shadowCompare().snapshot();
      FieldCounts c = s.fields().get(field);
      return c.compared() + c.failed() + c.skipped() >= shadowed && s.inFlight() == 0;
    });
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
      Thread.sleep(10);
    }
  }

  private static Mismatch mismatch(ShadowCompareSnapshot snapshot, String field) {
    return snapshot.mismatches().stream().filter(m -> m.field().equals(field)).findFirst().orElseThrow();
  }

  private static String sha256(String json) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** The requests WireMock is serving at one URL right now, and the most it ever served at once. */
  static final class InFlight implements ServeEventListener {
    private final String url;
    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    InFlight(String url) {
      this.url = url;
    }

    @Override
    public String getName() {
      return "in-flight";
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      if (event.getRequest().getUrl().equals(url)) {
        max.accumulateAndGet(now.incrementAndGet(), Math::max);
      }
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
      if (event.getRequest().getUrl().equals(url)) {
        now.decrementAndGet();
      }
    }

    int max() {
      return max.get();
    }

    void reset() {
      now.set(0);
      max.set(0);
    }
  }
}
