package dev.shopfed.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestPostgresTest {

  @Test
  void eachDatabaseIsItsOwn() throws SQLException {
    TestPostgres postgres = TestPostgres.shared();
    String first = postgres.createDatabase();
    String second = postgres.createDatabase();

    try (Connection connection = DriverManager.getConnection(first, postgres.username(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE note (text VARCHAR(20))");
      statement.execute("INSERT INTO note VALUES ('first')");
      try (ResultSet rows = statement.executeQuery("SELECT text, current_setting('server_version') FROM note")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("first");
        assertThat(rows.getString(2)).startsWith("14.");
      }
    }
    try (Connection connection = DriverManager.getConnection(second, postgres.username(), "");
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT text FROM note"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("note");
    }
  }

  @Test
  void aRestartedServerKeepsItsPortAndData() throws Exception {
    try (TestPostgres postgres = TestPostgres.start()) {
      String url = postgres.createDatabase();
      try (Connection connection = DriverManager.getConnection(url, postgres.username(), "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE note (text VARCHAR(20))");
        statement.execute("INSERT INTO note VALUES ('kept')");
      }

      postgres.stop();
      assertThatThrownBy(() -> DriverManager.getConnection(url, postgres.username(), ""))
          .isInstanceOf(SQLException.class);
      postgres.restart();

      try (Connection connection = DriverManager.getConnection(url, postgres.username(), "");
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("kept");
      }
    }
  }

  @Test
  void closeStopsTheServerAndRemovesItsData() throws Exception {
    TestPostgres postgres = TestPostgres.start();
    String url = postgres.createDatabase();
    try (Connection connection = DriverManager.getConnection(url, postgres.username(), "")) {
      assertThat(connection.isValid(5)).isTrue();
    }

    postgres.close();

    assertThat(Files.exists(postgres.dataDirectory())).isFalse();
    assertThatThrownBy(() -> {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", postgres.port()), 2_000);
      }
    }).isInstanceOf(java.io.IOException.class);
  }
}
