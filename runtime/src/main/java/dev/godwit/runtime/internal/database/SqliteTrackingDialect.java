package dev.godwit.runtime.internal.database;

import static dev.godwit.runtime.internal.database.Digits.number;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

/**
 * The tracking table on SQLite: {@code TEXT} and {@code INTEGER}, with {@code executed_at} as ISO-8601 text in UTC
 * with milliseconds ({@code 2024-05-01T12:34:56.789Z}), which sorts in time order.
 */
public final class SqliteTrackingDialect implements TrackingDialect {

    /** The length of a timestamp as written: {@code 2024-05-01T12:34:56.789Z}. */
    private static final int TIMESTAMP_LENGTH = 24;

    @Override
    public boolean exists(Connection connection, TableName table) throws SQLException {
        // SQLite compares table names without regard to case, as the CREATE does.
        String catalog = table.schema() == null ? "sqlite_master" : table.schema() + ".sqlite_master";
        return NamedSql.of("SELECT count(*) FROM " + catalog + " WHERE type = 'table' AND name = :name COLLATE NOCASE")
                        .query(connection, Map.of("name", table.table()), resultSet -> resultSet.getInt(1))
                        .get(0)
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

    /**
     * Writes the timestamp as {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}. By hand: a start reads every row, a run writes one
     * per migration, and {@code DateTimeFormatter} took a tenth of applying a trivial migration and half of a cold
     * start with nothing pending.
     */
    @Override
    public Object timestamp(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return instant.toString();
        }
        char[] text = new char[TIMESTAMP_LENGTH];
        digits(text, 0, utc.getYear(), 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, utc.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** Reads every row through one value that SQLite packs ({@link PackedRows}), else column by column. */
    @Override
    public Map<String, TrackingRow> readAll(Connection connection, TableName table, RowFactory rows)
            throws SQLException {
        // A row's expression is NULL when a column that the runner always fills is (|| with NULL is NULL); as an empty
        // row, which is not six columns, it sends the reading column by column. (Left out by group_concat, it would
        // leave room for a row separator within another row's value to make up the count.)
        String field = " || '" + PackedRows.FIELD + "' || ";
        String packed = "SELECT count(*), group_concat(coalesce(id" + field + "status" + field + "executed_at" + field
                + "execution_time_ms" + field + "coalesce('=' || error, '')" + field + "coalesce('=' || checksum, ''),"
                + " ''), '" + PackedRows.ROW + "') FROM " + table.sql();
        Map<String, TrackingRow> read;
        try {
            read = PackedRows.read(connection, packed, new Timestamps(), rows);
        } catch (SQLException e) {
            if (e.getErrorCode() != SQLITE_TOOBIG) {
                throw e;
            }
            // The rows together are longer than the connection's limit on a value (limit_length, a billion bytes
            // unless lowered), which each row alone is not. A failed query changes nothing, in a transaction or not.
            read = null;
        }
        return read != null ? read : TrackingDialect.super.readAll(connection, table, rows);
    }

    /** SQLite's result code for a string or blob longer than the connection's limit. */
    private static final int SQLITE_TOOBIG = 18;

    @Override
    public Instant timestamp(ResultSet resultSet, int column) throws SQLException {
        return parseTimestamp(resultSet.getString(column));
    }

    private static Instant parseTimestamp(String text) {
        if (text == null) {
            return null;
        }
        Instant parsed = parseWritten(text);
        if (parsed != null) {
            return parsed;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // A row written by hand with SQLite's datetime('now'): "2024-05-01 12:34:56", UTC without a zone.
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        }
    }

    /** Parses a timestamp in exactly the form {@link #timestamp(Instant)} writes, or returns {@code null}. */
    static Instant parseWritten(String text) {
        if (!hasWrittenForm(text)) {
            return null;
        }
        long minute = minuteEpochSecond(text);
        return minute == NOT_A_MINUTE ? null : withinMinute(minute, text);
    }

    /** Whether the text has the length and the separators of a timestamp as written; its digits are not checked. */
    private static boolean hasWrittenForm(String text) {
        return text != null
                && text.length() == TIMESTAMP_LENGTH
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == '.'
                && text.charAt(23) == 'Z';
    }

    /** What {@link #minuteEpochSecond} returns for a text whose first {@link #MINUTE_LENGTH} characters are not one. */
    private static final long NOT_A_MINUTE = Long.MIN_VALUE;

    /** The length of a timestamp's minute as written: {@code 2024-05-01T12:34}. */
    private static final int MINUTE_LENGTH = 16;

    /** The epoch second at which the minute of a text in {@linkplain #hasWrittenForm the written form} begins. */
    private static long minuteEpochSecond(String text) {
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return NOT_A_MINUTE;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // Out of range (month 13): let the general parser report it.
            return NOT_A_MINUTE;
        }
    }

    /** The instant of a text in the written form within its minute; {@code null} if its seconds are not valid. */
    private static Instant withinMinute(long minuteEpochSecond, String text) {
        int second = number(text, 17, 2);
        int millis = number(text, 20, 3);
        if ((second | millis) < 0 || second > 59) {
            return null;
        }
        return Instant.ofEpochSecond(minuteEpochSecond + second, millis * 1_000_000L);
    }

    /**
     * Parses the timestamps of one read of the table, as {@link #parseTimestamp} does. The rows that one run writes
     * share their minute, parsed here once for all of them: at N = 1,000, parsing every timestamp whole was a tenth of
     * a warm start with nothing pending.
     */
    private static final class Timestamps implements Function<String, Instant> {
        /** A timestamp in the written form whose minute begins at {@link #minuteStart}; {@code null} before one. */
        private String minute;

        /** The epoch second at which the minute of {@link #minute} begins. */
        private long minuteStart;

        @Override
        public Instant apply(String text) {
            if (!inMinute(text)) {
                long parsed = hasWrittenForm(text) ? minuteEpochSecond(text) : NOT_A_MINUTE;
                if (parsed == NOT_A_MINUTE) {
                    return parseTimestamp(text);
                }
                minute = text;
                minuteStart = parsed;
            }
            Instant instant = withinMinute(minuteStart, text);
            return instant != null ? instant : parseTimestamp(text);
        }

        /** Whether the text is in the written form and in {@link #minute}, whose part of the form was checked. */
        private boolean inMinute(String text) {
            return minute != null
                    && text != null
                    && text.length() == TIMESTAMP_LENGTH
                    && text.regionMatches(0, minute, 0, MINUTE_LENGTH)
                    && text.charAt(16) == ':'
                    && text.charAt(19) == '.'
                    && text.charAt(23) == 'Z';
        }
    }

    private static void digits(char[] text, int offset, int value, int width) {
        for (int i = offset + width - 1; i >= offset; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
