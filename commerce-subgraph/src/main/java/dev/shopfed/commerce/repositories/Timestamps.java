package dev.shopfed.commerce.repositories;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps are stored as UTC {@code TIMESTAMP} (no zone) and shown as ISO-8601 instants. */
final class Timestamps {

    private Timestamps() {
    }

    static LocalDateTime nowUtc() {
        return LocalDateTime.now(Clock.systemUTC()).truncatedTo(ChronoUnit.MILLIS);
    }

    static String iso(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value.toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
