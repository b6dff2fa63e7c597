package dev.shopfed.testsupport.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests: the binaries come from a Maven artifact (nothing to install), the server
 * listens on a free port of the loopback interface, and every caller gets a database of its own
 * ({@link #createDatabase()}), so tests sharing one server do not see each other's rows.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as CI does here), the server's processes are
 * started inside a new user namespace ({@code unshare -U}), where they are an unprivileged user while still owning
 * the data directory; run as any other user they start as that user. Where root cannot create a user namespace,
 * {@link #start()} says so rather than failing in initdb.
 *
 * <p>{@link #shared()} is one server per JVM, stopped when the JVM exits; {@link #start()} is a server of the
 * caller's own (for tests that {@link #stop()} and {@link #restart()} it), stopped by {@link #close()}. Each start
 * waits at most {@link #STARTUP_WAIT} for the server to accept connections.
 */
public final class TestPostgres implements AutoCloseable {

  /** The most a start may take, initdb included: the machines are small and shared with other builds. */
  public static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
  public static final String USERNAME = "postgres";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static TestPostgres shared;

  private final Path dataDirectory;
  private final int port;
  private final Thread onExit = new Thread(this::close, "test-postgres-stop");
  private EmbeddedPostgres server;
  private boolean closed;

  private TestPostgres(Path dataDirectory, EmbeddedPostgres server) {
    this.dataDirectory = dataDirectory;
    this.server = server;
    this.port = server.getPort();
  }

  /** The JVM's one shared server, started on first use; stopped, and its data deleted, when the JVM exits. */
  public static synchronized TestPostgres shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /**
   * A server of the caller's own on a free port, with a fresh data directory; {@link #close()} stops it, and so
   * does the JVM's exit when the caller did not.
   */
  public static TestPostgres start() {
    requireUsableUser();
    Path dataDirectory;
    try {
      dataDirectory = Files.createTempDirectory("test-postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EmbeddedPostgres server;
    try {
      server = run(dataDirectory, 0);
    } catch (RuntimeException e) {
      delete(dataDirectory);
      throw e;
    }
    TestPostgres postgres = new TestPostgres(dataDirectory, server);
    Runtime.getRuntime().addShutdownHook(postgres.onExit);
    return postgres;
  }

  /** Starts the server on the data directory (initialising it when empty) and the port (any free one for 0). */
  private static EmbeddedPostgres run(Path dataDirectory, int port) {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          // the directory outlives a stop(), for restart(); close() deletes it
          .setCleanDataDirectory(false)
          // one hook per TestPostgres (onExit) rather than one per start, so none deletes the data of a running one
          .setRegisterShutdownHook(false)
          .setPort(port)
          .setPGStartupWait(STARTUP_WAIT)
          .setServerConfig("listen_addresses", "localhost")
          // the tests' databases are thrown away: no need to wait for the disk
          .setServerConfig("fsync", "off")
          .setServerConfig("full_page_writes", "off")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start within " + STARTUP_WAIT, e);
    }
  }

  /** Creates an empty database with a name of its own and answers its JDBC URL (user {@link #USERNAME}). */
  public String createDatabase() {
    String name = "test_" + DATABASES.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = running().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name + " on port " + port, e);
    }
    return jdbcUrl(name);
  }

  /** The JDBC URL of a database on this server; the user is {@link #USERNAME}, with no password. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public int port() {
    return port;
  }

  public String username() {
    return USERNAME;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Stops the server (a fast shutdown: open connections are closed), keeping its data for {@link #restart()}. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    EmbeddedPostgres stopping = server;
    server = null;
    try {
      stopping.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop PostgreSQL on port " + port, e);
    }
  }

  /** Starts the stopped server again, on the same port and data: what a database coming back looks like. */
  public synchronized void restart() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (server == null) {
      server = run(dataDirectory, port);
    }
  }

  /** Stops the server and deletes its data directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    if (Thread.currentThread() != onExit) {
      try {
        Runtime.getRuntime().removeShutdownHook(onExit);
      } catch (IllegalStateException exiting) {
        // the JVM is already exiting: the hook has nothing left to do
      }
    }
    delete(dataDirectory);
  }

  private static void delete(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  private synchronized EmbeddedPostgres running() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
    }
    return server;
  }

  /**
   * As root, the server can only run in a user namespace of its own; fail with the reason when none can be made,
   * instead of initdb's "cannot be run as root".
   */
  private static void requireUsableUser() {
    if (!isRoot()) {
      return;
    }
    if (!canUnshareUser()) {
      throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine cannot start a process "
          + "in a new user namespace (unshare -U): run the tests as another user or allow user namespaces");
    }
  }

  private static boolean isRoot() {
    try {
      return Files.getAttribute(Path.of("/proc/self"), "unix:uid").equals(0);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean canUnshareUser() {
    try {
      Process process = new ProcessBuilder("unshare", "-U", "true")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
