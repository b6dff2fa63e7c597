package dev.shopfed.gateway.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.gateway.consent.Consent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on an embedded H2 file, the default. */
class H2ConsentStoreTest extends ConsentStoreContract {

  @TempDir
  Path dir;

  @Override
  ConsentStoreOptions emptyDatabase() {
    return ConsentStoreOptions.of("jdbc:h2:file:" + dir.resolve("consent"));
  }

  @Test
  void callsBeyondAFullQueueFailAtOnce() throws Exception {
    JdbcConsentStore one = JdbcConsentStore.open(options.withPoolSize(1).withTimeout(Duration.ofSeconds(30)));
    CountDownLatch release = new CountDownLatch(1);
    try {
      one.submit("waiting", connection -> waitFor(release));
      List<CompletableFuture<List<Consent>>> queued = new ArrayList<>();
      for (int i = 0; i < JdbcConsentStore.QUEUED_CALLS_PER_THREAD; i++) {
        queued.add(one.registry().consents("alice"));
      }

      CompletableFuture<List<Consent>> refused = one.registry().consents("alice");

      assertThat(refused).isCompletedExceptionally();
      assertFailsWithin(refused, Duration.ofSeconds(1));
      release.countDown();
      for (CompletableFuture<List<Consent>> call : queued) {
        assertThat(await(call)).isEmpty();
      }
    } finally {
      release.countDown();
      one.close();
    }
  }

  @Test
  void consentsAndCrossingsSurviveAReopen() throws Exception {
    await(registry.grant("alice", PROMOTIONS));
    await(log.append(crossing("alice", "r1", Instant.parse("2026-05-01T10:00:00Z"))));
    store.close();

    store = JdbcConsentStore.open(options);

    assertThat(await(store.registry().consents("alice"))).hasSize(1);
    assertThat(await(store.crossingLog().of("alice", 10))).hasSize(1);
  }
}
