package dev.shopfed.gateway.consent.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shopfed.testsupport.postgres.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server. */
class PostgresConsentStoreTest extends ConsentStoreContract {

  @Override
  ConsentStoreOptions emptyDatabase() {
    TestPostgres postgres = TestPostgres.shared();
    return ConsentStoreOptions.of(postgres.createDatabase()).withCredentials(postgres.username(), "");
  }

  @Test
  void aDatabaseThatAlreadyHoldsOtherTablesGetsTheConsentTablesBesideThem() throws Exception {
    ConsentStoreOptions shared = emptyDatabase();
    try (Connection connection = DriverManager.getConnection(shared.jdbcUrl(), shared.username(), "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
    }

    try (JdbcConsentStore beside = JdbcConsentStore.open(shared)) {
      assertThat(await(beside.registry().grant("alice", PROMOTIONS))).hasSize(1);
    }
    try (JdbcConsentStore reopened = JdbcConsentStore.open(shared)) {
      assertThat(await(reopened.registry().consents("alice"))).hasSize(1);
    }
  }
}
