package dev.shopfed.gateway.consent.jdbc;

import dev.shopfed.gateway.consent.Crossing;
import dev.shopfed.gateway.consent.CrossingLog;
import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crossings as rows of {@code crossing}, appended and never changed; the lists of fields and categories are kept as
 * JSON arrays. Times are kept to the microsecond.
 */
public final class JdbcCrossingLog implements CrossingLog {

  /** The most crossings one {@link #of} call answers, whatever the limit asked for. */
  public static final int MAX_LIMIT = 1000;
  private static final int EXPORT_FETCH_SIZE = 500;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final String COLUMNS =
      "subject, fields, categories, from_subgraph, to_subgraph, purpose, request_id, crossed_at";

  private final JdbcConsentStore store;

  JdbcCrossingLog(JdbcConsentStore store) {
    this.store = store;
  }

  @Override
  public CompletableFuture<Void> append(Crossing crossing) {
    Objects.requireNonNull(crossing, "crossing");
    Objects.requireNonNull(crossing.subject(), "crossing.subject");
    return store.submit("recording a crossing", connection -> {
      // the pool's connections commit each statement: when executeUpdate returns, the row is committed
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO crossing (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setQueryTimeout(store.queryTimeoutSeconds());
        insert.setString(1, crossing.subject());
        insert.setString(2, JSON.writeValueAsString(crossing.fields()));
        insert.setString(3, JSON.writeValueAsString(crossing.categories()));
        insert.setString(4, crossing.fromSubgraph());
        insert.setString(5, crossing.toSubgraph());
        insert.setString(6, crossing.purpose());
        insert.setString(7, crossing.requestId());
        Instant at = crossing.at() == null ? store.now() : crossing.at().truncatedTo(ChronoUnit.MICROS);
        insert.setObject(8, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public CompletableFuture<List<Crossing>> of(String subject, int limit) {
    Objects.requireNonNull(subject, "subject");
    int rows = Math.min(limit, MAX_LIMIT);
    if (rows <= 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    return store.submit("reading crossings", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM crossing WHERE subject = ? ORDER BY crossed_at DESC, id DESC")) {
        select.setQueryTimeout(store.queryTimeoutSeconds());
        select.setMaxRows(rows);
        select.setString(1, subject);
        try (ResultSet found = select.executeQuery()) {
          List<Crossing> crossings = new ArrayList<>();
          while (found.next()) {
            crossings.add(crossing(found));
          }
          return List.copyOf(crossings);
        }
      }
    });
  }

  /**
   * Streams the rows to {@code out} as they are read, on the caller's thread (the signature leaves no other): call
   * it where blocking is allowed. Each line is {@code {"subject", "fields", "categories", "from", "to", "purpose",
   * "requestId", "at"}}; {@code at} is ISO-8601 in UTC.
   */
  @Override
  public void exportJsonLines(String subjectOrNull, Writer out) throws IOException {
    String where = subjectOrNull == null ? "" : " WHERE subject = ?";
    try (Connection connection = store.connection()) {
      // PostgreSQL streams a result in fetch-size batches only inside a transaction; otherwise it reads it whole
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + COLUMNS + " FROM crossing" + where + " ORDER BY crossed_at, id")) {
        select.setFetchSize(EXPORT_FETCH_SIZE);
        if (subjectOrNull != null) {
          select.setString(1, subjectOrNull);
        }
        try (ResultSet found = select.executeQuery()) {
          while (found.next()) {
            out.write(JSON.writeValueAsString(line(crossing(found))));
            out.write('\n');
          }
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new IOException("exporting crossings failed at " + store.options().where(), e);
    }
    out.flush();
  }

  private static Map<String, Object> line(Crossing crossing) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("subject", crossing.subject());
    line.put("fields", crossing.fields());
    line.put("categories", crossing.categories());
    line.put("from", crossing.fromSubgraph());
    line.put("to", crossing.toSubgraph());
    line.put("purpose", crossing.purpose());
    line.put("requestId", crossing.requestId());
    line.put("at", crossing.at().toString());
    return line;
  }

  private static Crossing crossing(ResultSet row) throws SQLException {
    return new Crossing(
        row.getString(1),
        JSON.readValue(row.getString(2), STRINGS),
        JSON.readValue(row.getString(3), STRINGS),
        row.getString(4),
        row.getString(5),
        row.getString(6),
        row.getString(7),
        row.getObject(8, OffsetDateTime.class).toInstant());
  }
}
