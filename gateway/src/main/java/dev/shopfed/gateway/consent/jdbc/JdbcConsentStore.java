package dev.shopfed.gateway.consent.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.shopfed.gateway.consent.ConsentRegistry;
import dev.shopfed.gateway.consent.CrossingLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consent registry and the crossing log in one SQL database, H2 or PostgreSQL: a connection pool, the schema
 * (migrated on open), and the threads that run the blocking JDBC calls so that no caller's thread ever waits on the
 * database. Every call's future completes on one of those threads (or fails on a timer when the call overruns its
 * timeout) once its statement is committed, and fails when the database cannot be reached: the caller fails closed.
 *
 * <pre>{@code
 * try (JdbcConsentStore store = JdbcConsentStore.open(ConsentStoreOptions.of("jdbc:postgresql://db/shop"))) {
 *   store.registry().grant(subject, purpose);
 *   store.crossingLog().append(crossing);
 * }
 * }</pre>
 */
public final class JdbcConsentStore implements AutoCloseable {

  /** How many calls may wait for a thread, per thread, before new ones fail at once rather than queue. */
  static final int QUEUED_CALLS_PER_THREAD = 256;
  private static final Logger log = LoggerFactory.getLogger(JdbcConsentStore.class);
  private static final String MIGRATIONS = "classpath:db/consent";
  /** A table of its own, so the store can share a database (and its default schema) with other Flyway users. */
  private static final String SCHEMA_HISTORY = "consent_schema_history";

  private final ConsentStoreOptions options;
  private final HikariDataSource dataSource;
  private final ThreadPoolExecutor executor;
  private final Clock clock;
  private final JdbcConsentRegistry registry;
  private final JdbcCrossingLog crossingLog;

  private JdbcConsentStore(ConsentStoreOptions options, HikariDataSource dataSource, Clock clock) {
    this.options = options;
    this.dataSource = dataSource;
    this.clock = clock;
    this.executor = new ThreadPoolExecutor(options.poolSize(), options.poolSize(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(options.poolSize() * QUEUED_CALLS_PER_THREAD), new StoreThreads(),
        new ThreadPoolExecutor.AbortPolicy());
    this.registry = new JdbcConsentRegistry(this);
    this.crossingLog = new JdbcCrossingLog(this);
  }

  /**
   * Opens the store: connects, and creates or upgrades its tables. Fails (with the reason) when the database cannot
   * be reached within the options' timeout or the schema cannot be migrated.
   */
  public static JdbcConsentStore open(ConsentStoreOptions options) {
    return open(options, Clock.systemUTC());
  }

  static JdbcConsentStore open(ConsentStoreOptions options, Clock clock) {
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(poolConfig(options));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the consent store at " + options.where() + " could not be reached", e);
    }
    try {
      if (!options.isPostgres()) {
        makeH2CommitsDurable(dataSource);
      }
      // connections of Flyway's own: it holds two at once, more than a pool of one has
      Flyway.configure(JdbcConsentStore.class.getClassLoader())
          .dataSource(options.jdbcUrl(), options.username(), options.password())
          .locations(MIGRATIONS)
          .table(SCHEMA_HISTORY)
          .failOnMissingLocations(true)
          // a database that already holds other tables is fine: version 0 is "before the consent tables"
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (RuntimeException | SQLException e) {
      dataSource.close();
      throw new IllegalStateException("the consent store at " + options.where() + " could not be prepared", e);
    }
    log.info("Consent store: {} ({} connections)", options.where(), options.poolSize());
    return new JdbcConsentStore(options, dataSource, clock);
  }

  public ConsentRegistry registry() {
    return registry;
  }

  public CrossingLog crossingLog() {
    return crossingLog;
  }

  public ConsentStoreOptions options() {
    return options;
  }

  /**
   * Runs the work on a connection of the pool, on one of the store's threads. The future fails with a
   * {@link ConsentStoreException} when the work throws, when every thread is busy and the queue is full, and when
   * the call has not completed within the timeout (queued work that has overrun it is not started).
   */
  <T> CompletableFuture<T> submit(String what, Work<T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> {
        if (result.isDone()) {
          return;
        }
        try (Connection connection = dataSource.getConnection()) {
          result.complete(work.run(connection));
        } catch (SQLException | RuntimeException e) {
          result.completeExceptionally(new ConsentStoreException(what + " failed at " + options.where(), e));
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new ConsentStoreException(
          what + " refused: the consent store has " + executor.getQueue().size() + " calls waiting", e));
      return result;
    }
    Duration timeout = options.timeout();
    return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException
            ? new ConsentStoreException(what + " took longer than " + timeout + " at " + options.where(), failure)
            : failure));
  }

  /** A connection for work that must run on the caller's thread (the export). */
  Connection connection() throws SQLException {
    return dataSource.getConnection();
  }

  /** Now, to the microsecond: what both databases keep of a timestamp. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /** The longest a statement may run, in the whole seconds JDBC counts in. */
  int queryTimeoutSeconds() {
    return (int) Math.max(1, (options.timeout().toMillis() + 999) / 1000);
  }

  /** Stops taking calls, lets the running ones finish (briefly), then closes the pool. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    dataSource.close();
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private static HikariConfig poolConfig(ConsentStoreOptions options) {
    long timeoutMillis = options.timeout().toMillis();
    HikariConfig config = new HikariConfig();
    config.setPoolName("consent-store");
    config.setJdbcUrl(options.jdbcUrl());
    config.setUsername(options.username());
    config.setPassword(options.password());
    config.setMaximumPoolSize(options.poolSize());
    // waiting for a connection must end before the call's own timeout, so that the failure says why
    config.setConnectionTimeout(Math.max(250, timeoutMillis / 2));
    config.setValidationTimeout(Math.max(250, timeoutMillis / 4));
    // at open, give a database that is still starting the length of one call
    config.setInitializationFailTimeout(timeoutMillis);
    if (options.isPostgres()) {
      long seconds = Math.max(1, timeoutMillis / 1000);
      config.addDataSourceProperty("connectTimeout", String.valueOf(seconds));
      // a connection whose server went silent (no reset, no answer) is given up rather than waited on forever
      config.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(10, 2 * seconds)));
      config.addDataSourceProperty("tcpKeepAlive", "true");
      config.addDataSourceProperty("ApplicationName", "gateway-consent-store");
    }
    return config;
  }

  /**
   * H2 writes committed transactions to its file up to half a second later by default, so a crash loses them: a
   * crossing would be gone though its data was sent. With no delay, a commit is in the file when it returns.
   */
  private static void makeH2CommitsDurable(HikariDataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("SET WRITE_DELAY 0");
    }
  }

  private static final class StoreThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable work) {
      Thread thread = new Thread(work, "consent-store-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
