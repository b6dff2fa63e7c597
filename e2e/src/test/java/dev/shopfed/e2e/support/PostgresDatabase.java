package dev.shopfed.e2e.support;

import dev.shopfed.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A fresh, empty database on the suite's one PostgreSQL server (embedded binaries, started on first use, stopped
 * when the test JVM exits): a subgraph pointed at it by {@link #datasourceArgs()} migrates and seeds it on start.
 */
public record PostgresDatabase(String jdbcUrl, String username) {

  public static PostgresDatabase create() {
    TestPostgres server = TestPostgres.shared();
    return new PostgresDatabase(server.createDatabase(), server.username());
  }

  /** The program arguments that switch a subgraph from its embedded database to this one. */
  public List<String> datasourceArgs() {
    return List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + username,
        "--spring.datasource.password=");
  }

  /** A connection of the test's own, to check what the service wrote. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, username, "");
  }
}
