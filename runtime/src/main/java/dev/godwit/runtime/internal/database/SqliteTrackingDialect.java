package dev.godwit.runtime.internal.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.argument.Argument;

/**
 * The tracking table on SQLite: {@code TEXT} and {@code INTEGER}, with {@code executed_at} as ISO-8601 text in UTC
 * with milliseconds ({@code 2024-05-01T12:34:56.789Z}), which sorts in time order.
 */
public final class SqliteTrackingDialect implements TrackingDialect {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Override
    public boolean exists(Handle handle, TableName table) {
        // SQLite compares table names without regard to case, as the CREATE does.
        String catalog = table.schema() == null ? "sqlite_master" : table.schema() + ".sqlite_master";
        return handle.createQuery("SELECT count(*) FROM " + catalog
                                + " WHERE type = 'table' AND name = :name COLLATE NOCASE")
                        .bind("name", table.table())
                        .mapTo(Integer.class)
                        .one()
                > 0;
    }

    @Override
    public String createTable(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " ("
                + "id TEXT NOT NULL PRIMARY KEY, "
                + "status TEXT NOT NULL CHECK (status IN ('success', 'failed')), "
                + "executed_at TEXT NOT NULL, "
                + "execution_time_ms INTEGER NOT NULL, "
                + "error TEXT, "
                + "checksum TEXT)";
    }

    @Override
    public Argument timestamp(Instant instant) {
        String text = TIMESTAMP.format(instant);
        return (position, statement, context) -> statement.setString(position, text);
    }

    @Override
    public Instant timestamp(ResultSet resultSet, String column) throws SQLException {
        String text = resultSet.getString(column);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // A row written by hand with SQLite's datetime('now'): "2024-05-01 12:34:56", UTC without a zone.
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }
}
