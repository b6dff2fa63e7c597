package dev.shopfed.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.e2e.load.CommerceLedger;
import dev.shopfed.e2e.load.ProductChoice;
import dev.shopfed.e2e.load.Shopper;
import dev.shopfed.e2e.load.Tally;
import dev.shopfed.e2e.support.Gateway;
import dev.shopfed.e2e.support.GraphQLResponse;
import dev.shopfed.e2e.support.Operation;
import dev.shopfed.e2e.support.Operations;
import dev.shopfed.e2e.support.PostgresDatabase;
import dev.shopfed.e2e.support.SubgraphProxy;
import dev.shopfed.e2e.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The app's mix from many buyers at once, with checkouts and payments under idempotency keys (replayed on purpose,
 * and sent twice at once), while promo is killed with SIGKILL and restarted, commerce is slowed behind a delaying
 * proxy, and the supergraph file is rewritten so the gateway reloads. Afterwards the commerce database (PostgreSQL)
 * must hold every order a client was told about exactly once, no order or key paid twice, stock never below zero and
 * down by exactly the units ordered; and every request must have had a GraphQL answer within the client's timeout.
 *
 * <p>First, on the same federation, promo is killed for real and the cart, checkout and pay are checked to answer
 * (partial data, errors at the right path, within a bound).
 *
 * <p>The window is {@code -Dshopfed.load.seconds} (60 by default), the clients {@code -Dshopfed.load.clients}
 * (50, one seeded buyer each). The figures are printed as one {@code LOAD-WITH-FAULTS:} line.
 */
@Tag("postgres")
@Tag("load")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadWithFaultsTest {

  private static final Duration WINDOW = Duration.ofSeconds(Long.getLong("shopfed.load.seconds", 60));
  private static final int CLIENTS = Math.min(Integer.getInteger("shopfed.load.clients", 50), DevIdentityIssuer.BUYERS);
  /**
   * How long the proxied gateway gives one subgraph request: an answer comes back well inside the client's timeout
   * even from the longest plan (promo, commerce, promo).
   */
  private static final Duration SUBGRAPH_TIMEOUT = Duration.ofSeconds(5);
  /** A request not answered by then counts as a hang. */
  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
  /** The bound "answers within bound" counts against (a figure, not an assertion). */
  private static final Duration ANSWER_BOUND = Duration.ofSeconds(2);
  /** A generous bound on an answer with a backend dead: it refuses connections, so nothing should wait long. */
  private static final Duration FAULT_BOUND = Duration.ofSeconds(10);
  private static final Duration COMMERCE_DELAY_LEAST = Duration.ofMillis(100);
  private static final Duration COMMERCE_DELAY_MOST = Duration.ofMillis(600);
  private static final Duration RELOAD_SEEN_WITHIN = Duration.ofSeconds(30);
  private static final String RELOADED = "Reloaded supergraph from";

  private static LocalFederation federation;
  private static PostgresDatabase commerceDatabase;
  private static SubgraphProxy commerceProxy;
  private static ServiceProcess gatewayProcess;
  private static Path supergraph;
  private static Gateway gateway;
  private static Operations operations;

  private final AtomicInteger promoKills = new AtomicInteger();
  private final AtomicInteger promoRestarts = new AtomicInteger();
  private final AtomicInteger slowWindows = new AtomicInteger();
  private final AtomicInteger reloads = new AtomicInteger();
  private final AtomicInteger unacknowledged = new AtomicInteger();
  private final List<String> faultProblems = new CopyOnWriteArrayList<>();
  private final List<String> timeline = new CopyOnWriteArrayList<>();
  private Tally tally;

  /**
   * A federation of its own (promo is killed here), on two fresh PostgreSQL databases, and a second gateway that
   * reaches commerce through the delaying proxy and watches a copy of the supergraph.
   */
  @BeforeAll
  static void start() throws IOException {
    ProjectLayout layout = ProjectLayout.locate();
    operations = new Operations(layout.operationsDir());
    Path dir = layout.root().resolve("e2e/target/load-with-faults");
    Files.createDirectories(dir);
    supergraph = Files.copy(layout.supergraph(), dir.resolve("supergraph.graphql"),
        StandardCopyOption.REPLACE_EXISTING);
    commerceDatabase = PostgresDatabase.create();
    FederationSettings settings = FederationSettings.defaults(layout).onFreePorts().withLogDir(dir)
        .withSupergraph(supergraph)
        .withJvmArgs(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"))
        .withSubgraphArgs(commerceDatabase.datasourceArgs(), PostgresDatabase.create().datasourceArgs());
    federation = LocalFederation.start(settings);
    commerceProxy = SubgraphProxy.forwarding(federation.commerceUrl());
    ServiceSpec spec = LocalFederation.gateway(settings, FreePorts.pick(), federation.gatewayIdentityArguments(),
        commerceProxy.graphqlUrl(), federation.promoUrl());
    List<String> args = new ArrayList<>(spec.args());
    args.add("--gateway.subgraph-timeout=" + SUBGRAPH_TIMEOUT.toSeconds() + "s");
    spec = new ServiceSpec(spec.name(), spec.jar(), spec.port(), spec.healthPath(), args, spec.jvmArgs());
    gatewayProcess = ServiceProcess.launch(spec, dir.resolve("through-proxy"));
    gatewayProcess.awaitHealthy(settings.startupTimeout());
    gateway = new Gateway(spec.baseUrl(), spec.baseUrl().resolve("/graphql"), new Tokens(federation.issuer().tokenUrl()))
        .withRequestTimeout(CLIENT_TIMEOUT);
  }

  @AfterAll
  static void stop() {
    if (gatewayProcess != null) {
      gatewayProcess.close();
    }
    if (commerceProxy != null) {
      commerceProxy.close();
    }
    if (federation != null) {
      federation.close();
    }
  }

  /**
   * Before the load, promo killed for real (SIGKILL): the cart answers its commerce data with every promo price
   * null and the errors under {@code addToCart}, and checkout and pay, which are commerce's alone, answer in full.
   * Then promo comes back and the product page is whole again.
   */
  @Test
  @Order(1)
  void aKilledPromoLeavesTheCartCheckoutAndPayWorking() throws Exception {
    String buyer = "u50";
    String product;
    try (Connection connection = commerceDatabase.connect()) {
      product = new CommerceLedger(connection).stock().entrySet().stream().filter(e -> e.getValue() >= 5)
          .map(Map.Entry::getKey).findFirst().orElseThrow();
    }
    federation.kill("promo");
    SoftAssertions soft = new SoftAssertions();
    try {
      Instant start = Instant.now();
      GraphQLResponse added = gateway.as(buyer, operations.get("cart.graphql", "AddToCart"),
          Map.of("productId", product, "quantity", 1));
      soft.assertThat(Duration.between(start, Instant.now())).as("addToCart with promo down").isLessThan(FAULT_BOUND);
      soft.assertThat(added.status()).as("addToCart with promo down: " + added.describe()).isEqualTo(200);
      JsonNode cart = added.body().path("data").path("addToCart");
      soft.assertThat(cart.path("items").isEmpty()).as("the cart's lines, from commerce: " + added.describe()).isFalse();
      for (JsonNode item : cart.path("items")) {
        soft.assertThat(item.at("/product/price/amount").isNumber()).as("commerce price: " + item).isTrue();
        soft.assertThat(item.at("/product/promoPrice").isNull()).as("promo price with promo down: " + item).isTrue();
      }
      soft.assertThat(added.errors()).as("errors for promo's fields: " + added.describe()).isNotEmpty();
      for (JsonNode error : added.errors()) {
        soft.assertThat(error.path("path").path(0).asString("")).as("error path: " + error).isEqualTo("addToCart");
        soft.assertThat(error.path("extensions").path("code").asString("")).as("error code: " + error).isNotBlank();
      }

      start = Instant.now();
      JsonNode order = gateway.as(buyer, operations.get("checkout.graphql"),
          Map.of("idempotencyKey", "promo-down-" + UUID.randomUUID())).data().path("checkout");
      JsonNode payment = gateway.as(buyer, operations.get("pay.graphql"), Map.of("orderId", order.path("id").asString(),
          "idempotencyKey", "promo-down-pay-" + UUID.randomUUID(), "method", "E_WALLET")).data().path("payOrder");
      soft.assertThat(Duration.between(start, Instant.now())).as("checkout and pay with promo down")
          .isLessThan(FAULT_BOUND);
      soft.assertThat(payment.path("status").asString("")).as("payment with promo down: " + payment)
          .isEqualTo("SUCCEEDED");
    } finally {
      federation.restart("promo");
    }
    // data() fails on any error: promo answers its fields again
    JsonNode page = gateway.anonymous(operations.get("productPage.graphql"), Map.of("id", product)).data();
    soft.assertThat(page.at("/product/id").asString("")).as("product page after promo came back").isEqualTo(product);
    soft.assertAll();
  }

  @Test
  @Order(2)
  void noAcknowledgedOrderIsLostAndNoPaymentTakenTwiceWhilePromoDiesCommerceSlowsAndTheSupergraphReloads()
      throws Exception {
    Map<String, Integer> stockBefore;
    try (Connection connection = commerceDatabase.connect()) {
      stockBefore = new CommerceLedger(connection).stock();
    }
    List<String> buyers = new ArrayList<>();
    for (int i = 1; i <= CLIENTS; i++) {
      buyers.add("u" + i);
      gateway.tokens().of("u" + i); // signed in before the clock starts
    }
    tally = new Tally(ANSWER_BOUND);
    ProductChoice products = new ProductChoice(stockBefore);
    Instant until = Instant.now().plus(WINDOW);

    ExecutorService faults = Executors.newFixedThreadPool(3);
    List<Future<?>> injected = List.of(faults.submit(() -> killAndRestartPromo(until)),
        faults.submit(() -> slowCommerce(until)), faults.submit(() -> reloadSupergraph(until)));
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    List<Future<?>> shoppers = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      shoppers.add(clients.submit(new Shopper(buyers.get(i), gateway, operations, tally, products, until, i)));
    }
    awaitAll(clients, shoppers, "the shoppers");
    awaitAll(faults, injected, "the fault injection");

    try (Connection connection = commerceDatabase.connect()) {
      CommerceLedger ledger = new CommerceLedger(connection);
      List<String> unfound = replayUnacknowledged(ledger);
      check(tally, ledger, stockBefore, unfound);
    }
  }

  /**
   * The orders made whose checkout answer the buyer never saw (an error or a timeout while the order committed):
   * with the faults over, the app's retry with the same key must bring each one back. Answers the ones it did not.
   */
  private List<String> replayUnacknowledged(CommerceLedger ledger) throws Exception {
    List<String> acknowledged = tally.orders().stream().map(Tally.AckedOrder::orderId).toList();
    List<String> unfound = new ArrayList<>();
    Operation checkout = operations.get("checkout.graphql");
    for (Tally.AckedOrder order : ledger.loadOrderKeys()) {
      if (acknowledged.contains(order.orderId())) {
        continue;
      }
      unacknowledged.incrementAndGet();
      GraphQLResponse replay = gateway.as(order.buyer(), checkout, Map.of("idempotencyKey", order.idempotencyKey()));
      String id = replay.body() == null ? "" : replay.body().path("data").path("checkout").path("id").asString("");
      if (!id.equals(order.orderId())) {
        unfound.add(order + ": the replay answered " + replay.describe());
      }
    }
    return unfound;
  }

  private void check(Tally tally, CommerceLedger ledger, Map<String, Integer> stockBefore, List<String> unfound)
      throws Exception {
    List<String> lostOrders = ledger.lostOrMisfiledOrders(tally.orders());
    List<String> duplicatedOrders = ledger.duplicatedOrders();
    List<String> lostPayments = ledger.lostPayments(tally.payments());
    List<String> duplicatedPayments = ledger.duplicatedPayments();
    List<String> stock = ledger.stockProblems(stockBefore);
    int faultsInjected = promoKills.get() + promoRestarts.get() + slowWindows.get() + reloads.get();
    System.out.printf("LOAD-WITH-FAULTS: window=%ds clients=%d requests=%d served=%d (with errors %d)"
            + " withinBound(%dms)=%d bare=%d unanswered=%d p50=%dms p99=%dms max=%dms"
            + " | faults=%d (promo SIGKILL %d, promo restarts %d, commerce slow windows %d, supergraph reloads %d)"
            + " | orders acknowledged=%d inDatabase=%d lost=%d duplicated=%d unacknowledged=%d (found by replay %d)"
            + " | payments acknowledged=%d inDatabase=%d lost=%d duplicated=%d | stock problems=%d%n",
        WINDOW.toSeconds(), CLIENTS, tally.requests(), tally.served(), tally.withErrors(),
        ANSWER_BOUND.toMillis(), tally.withinBound(), tally.bareAnswers().size(), tally.unanswered().size(),
        tally.percentileMillis(50), tally.percentileMillis(99), tally.percentileMillis(100),
        faultsInjected, promoKills.get(), promoRestarts.get(), slowWindows.get(), reloads.get(),
        tally.orders().size(), ledger.loadOrders(), lostOrders.size(), duplicatedOrders.size(),
        unacknowledged.get(), unacknowledged.get() - unfound.size(),
        tally.payments().size(), ledger.loadPayments(), lostPayments.size(), duplicatedPayments.size(), stock.size());

    System.out.println("LOAD-WITH-FAULTS timeline: " + String.join("; ", timeline));
    System.out.println("LOAD-WITH-FAULTS error codes in GraphQL answers: " + tally.errorCodes());
    SoftAssertions soft = new SoftAssertions();
    soft.assertThat(faultProblems).as("fault injection").isEmpty();
    soft.assertThat(promoKills.get()).as("promo kills").isPositive();
    soft.assertThat(slowWindows.get()).as("commerce slow windows").isPositive();
    soft.assertThat(reloads.get()).as("supergraph reloads").isPositive();
    soft.assertThat(tally.orders()).as("orders acknowledged (else the ledger checks test nothing)").isNotEmpty();
    soft.assertThat(tally.bareAnswers()).as("answers without a GraphQL body").isEmpty();
    soft.assertThat(tally.unanswered()).as("requests without an answer within " + CLIENT_TIMEOUT).isEmpty();
    soft.assertThat(tally.inconsistencies()).as("replays answering another order or payment").isEmpty();
    soft.assertThat(lostOrders).as("acknowledged orders not in the commerce database exactly once").isEmpty();
    soft.assertThat(duplicatedOrders).as("checkout keys with more than one order").isEmpty();
    soft.assertThat(unfound).as("orders made without an answer that a replay of their key did not bring back")
        .isEmpty();
    soft.assertThat(lostPayments).as("acknowledged payments not in the commerce database").isEmpty();
    soft.assertThat(duplicatedPayments).as("payments taken twice, or for another amount").isEmpty();
    soft.assertThat(stock).as("stock below zero, or not down by the units ordered").isEmpty();
    soft.assertThat(gatewayProcess.isAlive()).as("the gateway survived the load").isTrue();
    soft.assertAll();
  }

  /** SIGKILL, then a restart (which takes a JVM start: promo is down meanwhile), then a quiet spell; repeated. */
  private void killAndRestartPromo(Instant until) {
    pause(WINDOW.dividedBy(10), until);
    while (Duration.between(Instant.now(), until).compareTo(Duration.ofSeconds(15)) > 0) {
      federation.kill("promo");
      promoKills.incrementAndGet();
      event("promo SIGKILL, restarting");
      federation.restart("promo");
      promoRestarts.incrementAndGet();
      event("promo healthy again");
      pause(Duration.ofSeconds(10), until);
    }
  }

  /** Commerce answers late (the delay drawn per request) in spells, with quiet spells between. */
  private void slowCommerce(Instant until) {
    Duration quiet = max(Duration.ofSeconds(5), WINDOW.dividedBy(10));
    Duration slow = max(Duration.ofSeconds(10), WINDOW.dividedBy(3));
    pause(quiet, until);
    while (Instant.now().isBefore(until)) {
      commerceProxy.slowDown(COMMERCE_DELAY_LEAST, COMMERCE_DELAY_MOST);
      slowWindows.incrementAndGet();
      event("commerce slowed");
      pause(slow, until);
      commerceProxy.passThrough();
      event("commerce at full speed");
      pause(quiet, until);
    }
  }

  /** An equivalent supergraph (a comment added) written mid-load, and the gateway's log shows it reloaded. */
  private void reloadSupergraph(Instant until) {
    pause(WINDOW.dividedBy(2), until);
    while (Duration.between(Instant.now(), until).compareTo(Duration.ofSeconds(10)) > 0) {
      long before = reloadsLogged();
      append("\n# rewritten under load (" + Instant.now() + ")\n");
      reloads.incrementAndGet();
      event("supergraph rewritten");
      Instant deadline = Instant.now().plus(RELOAD_SEEN_WITHIN);
      while (reloadsLogged() == before && Instant.now().isBefore(deadline)) {
        pause(Duration.ofMillis(200), deadline);
      }
      if (reloadsLogged() == before) {
        faultProblems.add("the gateway logged no reload within " + RELOAD_SEEN_WITHIN + " of the rewrite");
      } else {
        event("gateway reloaded the supergraph");
      }
      pause(Duration.ofSeconds(60), until);
    }
  }

  private void event(String what) {
    timeline.add(tally.sinceStart() + " " + what);
  }

  private static void append(String text) {
    try {
      Files.writeString(supergraph, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long reloadsLogged() {
    try (var lines = Files.lines(gatewayProcess.log())) {
      return lines.filter(line -> line.contains(RELOADED)).count();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  /** Waits for every task; a task's failure fails the test, and so does one still running past the bound. */
  private static void awaitAll(ExecutorService executor, List<Future<?>> tasks, String what) throws Exception {
    executor.shutdown();
    // each shopper finishes the step it is in: a few requests, each at most the client timeout
    Duration bound = WINDOW.plus(CLIENT_TIMEOUT.multipliedBy(8)).plus(Duration.ofMinutes(2));
    boolean finished = executor.awaitTermination(bound.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      executor.shutdownNow();
    }
    assertThat(finished).as(what + " finished within " + bound).isTrue();
    for (Future<?> task : tasks) {
      task.get();
    }
  }

  /** Sleeps for {@code length}, or until {@code until} if that comes first: the schedule of the faults. */
  private static void pause(Duration length, Instant until) {
    Duration left = Duration.between(Instant.now(), until);
    Duration sleep = length.compareTo(left) < 0 ? length : left;
    if (sleep.isNegative() || sleep.isZero()) {
      return;
    }
    try {
      Thread.sleep(sleep.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
