package dev.shopfed.gateway.consent.jdbc;

import java.time.Duration;

/**
 * Where the consent registry and the crossing log live.
 *
 * @param jdbcUrl  {@code jdbc:h2:...} (embedded, one gateway) or {@code jdbc:postgresql://...} (shared by every
 *                 gateway pointed at it)
 * @param username the database user
 * @param password the user's password; empty for none
 * @param poolSize how many connections, and as many threads running the blocking JDBC calls
 * @param timeout  the most one call may take, waiting for a connection included; past it the call fails
 */
public record ConsentStoreOptions(String jdbcUrl, String username, String password, int poolSize,
    Duration timeout) {

  /**
   * An H2 file in {@code run/} under the working directory (the checkout's root under {@code ./run.sh}, ignored by
   * git): survives restarts, and is opened by one process at a time.
   */
  public static final String DEFAULT_URL = "jdbc:h2:file:./run/consent";
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public ConsentStoreOptions {
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      jdbcUrl = DEFAULT_URL;
    }
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "the consent store needs a jdbc:h2: or jdbc:postgresql: URL, not " + redacted(jdbcUrl));
    }
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    if (poolSize < 1) {
      throw new IllegalArgumentException("the consent store's pool size must be at least 1, not " + poolSize);
    }
    if (timeout == null || timeout.toMillis() < 500) {
      throw new IllegalArgumentException("the consent store's timeout must be at least 500ms, not " + timeout);
    }
  }

  /** The embedded H2 file {@link #DEFAULT_URL}. */
  public static ConsentStoreOptions defaults() {
    return of(DEFAULT_URL);
  }

  /** The given URL with the default pool and timeout; H2's user is {@code sa}, PostgreSQL's comes from the URL. */
  public static ConsentStoreOptions of(String jdbcUrl) {
    String url = jdbcUrl == null || jdbcUrl.isBlank() ? DEFAULT_URL : jdbcUrl;
    String user = url.startsWith("jdbc:h2:") ? "sa" : "";
    return new ConsentStoreOptions(url, user, "", DEFAULT_POOL_SIZE, DEFAULT_TIMEOUT);
  }

  public ConsentStoreOptions withCredentials(String username, String password) {
    return new ConsentStoreOptions(jdbcUrl, username, password, poolSize, timeout);
  }

  public ConsentStoreOptions withPoolSize(int poolSize) {
    return new ConsentStoreOptions(jdbcUrl, username, password, poolSize, timeout);
  }

  public ConsentStoreOptions withTimeout(Duration timeout) {
    return new ConsentStoreOptions(jdbcUrl, username, password, poolSize, timeout);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** The URL as it may be logged: without a password given in it. */
  public String where() {
    return redacted(jdbcUrl);
  }

  /** Without the password, so that logging the options does not leak it. */
  @Override
  public String toString() {
    return "ConsentStoreOptions[jdbcUrl=" + where() + ", username=" + username + ", password="
        + (password.isEmpty() ? "" : "***") + ", poolSize=" + poolSize + ", timeout=" + timeout + "]";
  }

  private static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
