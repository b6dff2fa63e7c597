package dev.shopfed.gateway.consent.jdbc;

import dev.shopfed.gateway.consent.Consent;
import dev.shopfed.gateway.consent.ConsentRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Granted purposes as rows of {@code consent}, one per subject and purpose; revoking deletes the row. Each call
 * commits its change before it reads the consents it answers, so the next read anywhere sees it.
 */
public final class JdbcConsentRegistry implements ConsentRegistry {

  /** Both databases report a unique-constraint violation with this SQLSTATE. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final JdbcConsentStore store;

  JdbcConsentRegistry(JdbcConsentStore store) {
    this.store = store;
  }

  @Override
  public CompletableFuture<List<Consent>> consents(String subject) {
    Objects.requireNonNull(subject, "subject");
    return store.submit("reading consents", connection -> consents(connection, subject));
  }

  @Override
  public CompletableFuture<List<Consent>> grant(String subject, String purpose) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(purpose, "purpose");
    return store.submit("granting consent", connection -> {
      if (!isGranted(connection, subject, purpose)) {
        insert(connection, subject, purpose);
      }
      return consents(connection, subject);
    });
  }

  @Override
  public CompletableFuture<List<Consent>> revoke(String subject, String purpose) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(purpose, "purpose");
    return store.submit("revoking consent", connection -> {
      try (PreparedStatement delete = connection.prepareStatement(
          "DELETE FROM consent WHERE subject = ? AND purpose = ?")) {
        delete.setQueryTimeout(store.queryTimeoutSeconds());
        delete.setString(1, subject);
        delete.setString(2, purpose);
        delete.executeUpdate();
      }
      return consents(connection, subject);
    });
  }

  private boolean isGranted(Connection connection, String subject, String purpose) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT 1 FROM consent WHERE subject = ? AND purpose = ?")) {
      select.setQueryTimeout(store.queryTimeoutSeconds());
      select.setString(1, subject);
      select.setString(2, purpose);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  private void insert(Connection connection, String subject, String purpose) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO consent (subject, purpose, granted_at) VALUES (?, ?, ?)")) {
      insert.setQueryTimeout(store.queryTimeoutSeconds());
      insert.setString(1, subject);
      insert.setString(2, purpose);
      insert.setObject(3, OffsetDateTime.ofInstant(store.now(), ZoneOffset.UTC));
      insert.executeUpdate();
    } catch (SQLException e) {
      // a concurrent grant of the same purpose got there first: granted either way
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    }
  }

  private List<Consent> consents(Connection connection, String subject) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT purpose, granted_at FROM consent WHERE subject = ? ORDER BY granted_at, id")) {
      select.setQueryTimeout(store.queryTimeoutSeconds());
      select.setString(1, subject);
      try (ResultSet rows = select.executeQuery()) {
        List<Consent> consents = new ArrayList<>();
        while (rows.next()) {
          consents.add(new Consent(rows.getString(1), rows.getObject(2, OffsetDateTime.class).toInstant()));
        }
        return List.copyOf(consents);
      }
    }
  }
}
