package dev.shopfed.gateway.consent.jdbc;

import static dev.shopfed.gateway.consent.jdbc.ConsentStoreContract.PROMOTIONS;
import static dev.shopfed.gateway.consent.jdbc.ConsentStoreContract.assertFailsWithin;
import static dev.shopfed.gateway.consent.jdbc.ConsentStoreContract.await;
import static dev.shopfed.gateway.consent.jdbc.ConsentStoreContract.crossing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopfed.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database going away: every call fails, within a bound, so that the gateway can fail closed; and the store
 * works again once the database is back, without a restart.
 */
class PostgresDownTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);
  /** The timeout, and room for a loaded machine. */
  private static final Duration BOUND = TIMEOUT.plusSeconds(5);

  private TestPostgres postgres;
  private JdbcConsentStore store;

  @BeforeEach
  void start() {
    postgres = TestPostgres.start();
    store = JdbcConsentStore.open(ConsentStoreOptions.of(postgres.createDatabase())
        .withCredentials(postgres.username(), "")
        .withTimeout(TIMEOUT));
  }

  @AfterEach
  void stop() {
    if (store != null) {
      store.close();
    }
    postgres.close();
  }

  @Test
  void callsFailWithinTheBoundWhileTheDatabaseIsDownAndWorkOnceItIsBack() throws Exception {
    await(store.registry().grant("alice", PROMOTIONS));
    await(store.crossingLog().append(crossing("alice", "before", Instant.parse("2026-05-01T10:00:00Z"))));

    postgres.stop();

    List<CompletableFuture<?>> calls = List.of(
        store.registry().consents("alice"),
        store.registry().grant("alice", "newsletter"),
        store.registry().revoke("alice", PROMOTIONS),
        store.crossingLog().append(crossing("alice", "during", Instant.parse("2026-05-01T10:00:01Z"))),
        store.crossingLog().of("alice", 10));
    for (CompletableFuture<?> call : calls) {
      assertFailsWithin(call, BOUND);
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> store.crossingLog().exportJsonLines(null, new StringWriter()))
        .isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);

    postgres.restart();

    assertThat(await(store.registry().consents("alice"))).extracting("purpose").containsExactly(PROMOTIONS);
    assertThat(await(store.crossingLog().of("alice", 10))).extracting("requestId").containsExactly("before");
  }

  @Test
  void openingAStoreWhoseDatabaseIsDownFailsWithinTheBound() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConsentStoreOptions unreachable = ConsentStoreOptions.of("jdbc:postgresql://localhost:" + closedPort + "/shop")
        .withCredentials("postgres", "")
        .withTimeout(TIMEOUT);

    long start = System.nanoTime();
    assertThatThrownBy(() -> JdbcConsentStore.open(unreachable))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("localhost:" + closedPort);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
  }
}
