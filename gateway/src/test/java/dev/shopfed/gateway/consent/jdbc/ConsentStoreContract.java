package dev.shopfed.gateway.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.gateway.consent.Consent;
import dev.shopfed.gateway.consent.ConsentRegistry;
import dev.shopfed.gateway.consent.Crossing;
import dev.shopfed.gateway.consent.CrossingLog;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** What every database behind the consent store must do; one subclass per database. */
abstract class ConsentStoreContract {

  static final Duration BOUND = Duration.ofSeconds(30);
  static final String PROMOTIONS = "personalised-promotions";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  ConsentStoreOptions options;
  JdbcConsentStore store;
  ConsentRegistry registry;
  CrossingLog log;
  private final List<JdbcConsentStore> others = new ArrayList<>();

  /** Options for an empty database of this test's own. */
  abstract ConsentStoreOptions emptyDatabase() throws Exception;

  @BeforeEach
  void open() throws Exception {
    options = emptyDatabase();
    store = JdbcConsentStore.open(options);
    registry = store.registry();
    log = store.crossingLog();
  }

  @AfterEach
  void close() {
    others.forEach(JdbcConsentStore::close);
    store.close();
  }

  /** A second store on the same database, as a second gateway would open it. */
  JdbcConsentStore another() {
    JdbcConsentStore other = JdbcConsentStore.open(options);
    others.add(other);
    return other;
  }

  @Test
  void aSubjectStartsWithNoConsent() throws Exception {
    assertThat(await(registry.consents("alice"))).isEmpty();
  }

  @Test
  void grantingTwiceGrantsOnceAndKeepsTheFirstTime() throws Exception {
    List<Consent> first = await(registry.grant("alice", PROMOTIONS));
    List<Consent> second = await(registry.grant("alice", PROMOTIONS));

    assertThat(first).extracting(Consent::purpose).containsExactly(PROMOTIONS);
    assertThat(second).isEqualTo(first);
    assertThat(await(registry.consents("alice"))).isEqualTo(first);
    assertThat(first.get(0).grantedAt()).isBetween(Instant.now().minus(BOUND), Instant.now());
  }

  @Test
  void revokingTwiceOrWhatWasNeverGrantedIsHarmless() throws Exception {
    assertThat(await(registry.revoke("alice", PROMOTIONS))).isEmpty();
    await(registry.grant("alice", PROMOTIONS));
    await(registry.grant("alice", "newsletter"));

    assertThat(await(registry.revoke("alice", PROMOTIONS))).extracting(Consent::purpose).containsExactly("newsletter");
    assertThat(await(registry.revoke("alice", PROMOTIONS))).extracting(Consent::purpose).containsExactly("newsletter");
  }

  @Test
  void consentsAreOldestFirst() throws Exception {
    await(registry.grant("alice", "b"));
    await(registry.grant("alice", "a"));
    List<Consent> after = await(registry.grant("alice", "c"));

    assertThat(after).extracting(Consent::purpose).containsExactly("b", "a", "c");
    assertThat(after).extracting(Consent::grantedAt).isSorted();
  }

  @Test
  void eachSubjectHasOnlyItsOwnConsents() throws Exception {
    await(registry.grant("alice", PROMOTIONS));
    await(registry.grant("bob", "newsletter"));
    await(registry.revoke("bob", PROMOTIONS));

    assertThat(await(registry.consents("alice"))).extracting(Consent::purpose).containsExactly(PROMOTIONS);
    assertThat(await(registry.consents("bob"))).extracting(Consent::purpose).containsExactly("newsletter");
    assertThat(await(registry.consents("carol"))).isEmpty();
  }

  @Test
  void aRevocationIsSeenByTheVeryNextRead() throws Exception {
    ConsentRegistry elsewhere = another().registry();
    await(registry.grant("alice", PROMOTIONS));
    assertThat(await(elsewhere.consents("alice"))).extracting(Consent::purpose).containsExactly(PROMOTIONS);

    await(registry.revoke("alice", PROMOTIONS));

    assertThat(await(registry.consents("alice"))).isEmpty();
    assertThat(await(elsewhere.consents("alice"))).isEmpty();
  }

  @Test
  void concurrentGrantsOfOnePurposeGrantItOnce() throws Exception {
    List<CompletableFuture<List<Consent>>> grants = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      grants.add(registry.grant("alice", PROMOTIONS));
    }
    for (CompletableFuture<List<Consent>> grant : grants) {
      assertThat(await(grant)).extracting(Consent::purpose).containsExactly(PROMOTIONS);
    }
    assertThat(await(registry.consents("alice"))).hasSize(1);
  }

  @Test
  void crossingsComeBackNewestFirstAndWhole() throws Exception {
    Instant start = Instant.parse("2026-05-01T10:00:00.123456Z");
    Crossing oldest = crossing("alice", "r1", start);
    Crossing middle = crossing("alice", "r2", start.plusSeconds(1));
    Crossing newest = crossing("alice", "r3", start.plusSeconds(2));
    await(log.append(middle));
    await(log.append(newest));
    await(log.append(oldest));
    await(log.append(crossing("bob", "r4", start.plusSeconds(3))));

    assertThat(await(log.of("alice", 50))).containsExactly(newest, middle, oldest);
    assertThat(await(log.of("alice", 2))).containsExactly(newest, middle);
    assertThat(await(log.of("alice", 0))).isEmpty();
    assertThat(await(log.of("carol", 50))).isEmpty();
  }

  @Test
  void crossingsAtTheSameInstantAreNewestAppendedFirst() throws Exception {
    Instant at = Instant.parse("2026-05-01T10:00:00Z");
    await(log.append(crossing("alice", "first", at)));
    await(log.append(crossing("alice", "second", at)));

    assertThat(await(log.of("alice", 50))).extracting(Crossing::requestId).containsExactly("second", "first");
  }

  @Test
  void timesAreKeptToTheMicrosecond() throws Exception {
    await(log.append(crossing("alice", "r1", Instant.parse("2026-05-01T10:00:00.123456789Z"))));

    assertThat(await(log.of("alice", 1))).extracting(Crossing::at)
        .containsExactly(Instant.parse("2026-05-01T10:00:00.123456Z"));
  }

  @Test
  void theExportIsOneJsonObjectPerLineThatParsesBack() throws Exception {
    Instant start = Instant.parse("2026-05-01T10:00:00Z");
    Crossing first = crossing("alice", "r1", start);
    Crossing second = new Crossing("bob", List.of(), List.of(), "commerce", "promo", PROMOTIONS, null,
        start.plusSeconds(1));
    Crossing third = crossing("alice", "r\"3\n", start.plusSeconds(2));
    await(log.append(first));
    await(log.append(second));
    await(log.append(third));

    StringWriter everyone = new StringWriter();
    log.exportJsonLines(null, everyone);
    StringWriter alice = new StringWriter();
    log.exportJsonLines("alice", alice);

    assertThat(parse(everyone.toString())).containsExactly(first, second, third);
    assertThat(parse(alice.toString())).containsExactly(first, third);
    assertThat(everyone.toString().lines().findFirst().orElseThrow()).isEqualTo("{\"subject\":\"alice\","
        + "\"fields\":[\"User.purchaseHistory.categories\",\"User.purchaseHistory.shopIds\"],"
        + "\"categories\":[\"purchase-history\"],\"from\":\"commerce\",\"to\":\"promo\","
        + "\"purpose\":\"personalised-promotions\",\"requestId\":\"r1\",\"at\":\"2026-05-01T10:00:00Z\"}");
    StringWriter nobody = new StringWriter();
    log.exportJsonLines("carol", nobody);
    assertThat(nobody.toString()).isEmpty();
  }

  @Test
  void fiftyThreadsAppendingLoseAndRepeatNothing() throws Exception {
    int threads = 50;
    int each = 20;
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String subject = "subject-" + t;
        done.add(callers.submit(() -> {
          go.await();
          for (int i = 0; i < each; i++) {
            await(log.append(crossing(subject, subject + "/" + i, Instant.now())));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> caller : done) {
        caller.get(BOUND.toSeconds() * 2, TimeUnit.SECONDS);
      }
    } finally {
      callers.shutdownNow();
    }

    StringWriter export = new StringWriter();
    log.exportJsonLines(null, export);
    List<Crossing> all = parse(export.toString());
    Set<String> requests = new HashSet<>();
    all.forEach(crossing -> requests.add(crossing.requestId()));
    assertThat(all).hasSize(threads * each);
    assertThat(requests).hasSize(threads * each);
    assertThat(await(log.of("subject-7", 50))).hasSize(each)
        .allSatisfy(crossing -> assertThat(crossing.requestId()).startsWith("subject-7/"));
  }

  @Test
  void callsCompleteOnTheStoresThreads() throws Exception {
    String caller = Thread.currentThread().getName();

    String worker = await(store.submit("naming the thread", connection -> Thread.currentThread().getName()));

    assertThat(worker).startsWith("consent-store-").isNotEqualTo(caller);
  }

  @Test
  void aCallThatOverrunsItsTimeoutFails() throws Exception {
    JdbcConsentStore slow = JdbcConsentStore.open(options.withPoolSize(1).withTimeout(Duration.ofMillis(500)));
    others.add(slow);
    CountDownLatch release = new CountDownLatch(1);
    try {
      CompletableFuture<Object> stuck = slow.submit("waiting", connection -> waitFor(release));
      CompletableFuture<List<Consent>> queued = slow.registry().consents("alice");

      assertFailsWithin(stuck, Duration.ofSeconds(5));
      assertFailsWithin(queued, Duration.ofSeconds(5));
    } finally {
      release.countDown();
    }
    assertThat(await(slow.registry().grant("alice", PROMOTIONS))).hasSize(1);
  }

  /** Holds a store's thread until released (or the bound passes). */
  static Object waitFor(CountDownLatch release) {
    try {
      release.await(BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  static Crossing crossing(String subject, String requestId, Instant at) {
    return new Crossing(subject, List.of("User.purchaseHistory.categories", "User.purchaseHistory.shopIds"),
        List.of("purchase-history"), "commerce", "promo", PROMOTIONS, requestId, at);
  }

  static <T> T await(CompletableFuture<T> future) throws Exception {
    return future.get(BOUND.toSeconds(), TimeUnit.SECONDS);
  }

  /** The future fails with a {@link ConsentStoreException} within the bound, rather than hanging or succeeding. */
  static void assertFailsWithin(CompletableFuture<?> future, Duration bound) {
    long start = System.nanoTime();
    assertThatThrownBy(() -> future.get(bound.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class)
        .isNotInstanceOf(TimeoutException.class)
        .cause().isInstanceOf(ConsentStoreException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
  }

  static List<Crossing> parse(String jsonLines) {
    List<Crossing> crossings = new ArrayList<>();
    for (String line : jsonLines.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      Map<String, Object> object = JSON.readValue(line, new TypeReference<Map<String, Object>>() {});
      assertThat(object).containsOnlyKeys("subject", "fields", "categories", "from", "to", "purpose", "requestId",
          "at");
      @SuppressWarnings("unchecked")
      List<String> fields = (List<String>) object.get("fields");
      @SuppressWarnings("unchecked")
      List<String> categories = (List<String>) object.get("categories");
      crossings.add(new Crossing((String) object.get("subject"), fields, categories, (String) object.get("from"),
          (String) object.get("to"), (String) object.get("purpose"), (String) object.get("requestId"),
          Instant.parse((String) object.get("at"))));
    }
    assertThat(jsonLines).satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).endsWith("\n"));
    return crossings;
  }
}
