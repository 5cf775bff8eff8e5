package dev.godwit.runtime.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every row of the tracking table read as one text value that the database builds: its rows joined by {@link #ROW},
 * each of them its columns joined by {@link #FIELD} in the order of {@link TrackingDialect#selectAll}, with
 * {@code error} and {@code checksum} as {@code =} and the text, or nothing for {@code NULL}.
 *
 * <p>Why, on SQLite: a start reads every row, and sqlite-jdbc reads each value of a result set through a native call
 * of its own. In a warm JVM, reading a thousand rows column by column took 6 to 7.5 ms, longer than the whole start of
 * a hand-written JDBC loop that reads only the IDs (3.5 to 4.5 ms); as one value, it takes 3.5 ms, parsing included,
 * and a start with nothing pending went from 8 to 10 ms to 6 to 7.5 ms. (On PostgreSQL, whose driver receives a whole
 * result at once, building the value cost the server more than it saved: 6.8 ms against 5.4 ms.)
 *
 * <p>The value is checked before any row is used, and if it is not exactly the table's rows, the caller reads the
 * table column by column instead, with the same outcome. That happens for an error text that holds a separator, which
 * adds a row or a column, and for rows written by hand: a row with {@code NULL} in a column the runner always fills
 * is packed as an empty row, which is not six columns, and a duration stored as a {@code REAL} or as text is not
 * an integer in ASCII digits.
 */
final class PackedRows {

    /**
     * Between two columns of a row: a control character (unit separator), which the runner never writes in an ID, a
     * status or a checksum.
     */
    static final char FIELD = '\u001f';

    /** Between two rows: a control character (record separator). */
    static final char ROW = '\u001e';

    private PackedRows() {}

    /**
     * Reads the table through a query that selects the number of rows and the packed rows, in this order, if the value
     * is exactly the table's rows.
     *
     * @param connection the connection
     * @param query the query
     * @param timestamp parses {@code executed_at} as the query packs it
     * @param rows makes each row
     * @return the rows by ID, in the table's order; {@code null} if the value is not exactly the table's rows, and no
     *     row has been made
     * @throws SQLException if the table cannot be read
     */
    static Map<String, TrackingRow> read(
            Connection connection, String query, Function<String, Instant> timestamp, TrackingDialect.RowFactory rows)
            throws SQLException {
        List<Row> unpacked;
        try (PreparedStatement statement = connection.prepareStatement(query);
                ResultSet resultSet = statement.executeQuery()) {
            resultSet.next();
            unpacked = unpack(resultSet.getString(2), resultSet.getInt(1));
        }
        if (unpacked == null) {
            return null;
        }
        Map<String, TrackingRow> read = new LinkedHashMap<>();
        for (Row row : unpacked) {
            row.readTo(timestamp, rows, read);
        }
        return read;
    }

    /** A row as packed, its timestamp not yet parsed. */
    private record Row(
            String id, String status, String executedAt, long executionTimeMs, String error, String checksum) {

        void readTo(
                Function<String, Instant> timestamp, TrackingDialect.RowFactory rows, Map<String, TrackingRow> read) {
            read.put(id, rows.row(id, status, timestamp.apply(executedAt), executionTimeMs, error, checksum));
        }
    }

    /**
     * Reads the packed rows.
     *
     * @param packed the packed rows; {@code null} for none
     * @param count the number of rows of the table
     * @return the rows, or {@code null} if the value is not {@code count} rows of six columns
     */
    static List<Row> unpack(String packed, int count) {
        List<Row> rows = new ArrayList<>(count);
        int start = 0;
        int length = packed == null ? -1 : packed.length();
        // The loop only calls: the JVM compiles a method called for each row during the first start, but a loop that
        // runs once per start only after dozens of starts. As one loop, the parsing ran interpreted at every start.
        while (start <= length && rows.size() < count) {
            int end = packed.indexOf(ROW, start);
            end = end < 0 ? length : end;
            Row row = unpackRow(packed, start, end);
            if (row == null) {
                return null;
            }
            rows.add(row);
            start = end + 1;
        }
        return rows.size() == count && start > length ? rows : null;
    }

    /** Reads the row packed in {@code packed[start, end)}; {@code null} if it is not six columns as packed. */
    private static Row unpackRow(String packed, int start, int end) {
        int status = field(packed, start, end);
        int executedAt = field(packed, status, end);
        int executionTime = field(packed, executedAt, end);
        int error = field(packed, executionTime, end);
        int checksum = field(packed, error, end);
        if (checksum < 0 || field(packed, checksum, end) >= 0) {
            return null;
        }
        if (!isNullable(packed, error, checksum - 1) || !isNullable(packed, checksum, end)) {
            return null;
        }
        if (!isInteger(packed, executionTime, error - 1)) {
            return null;
        }
        try {
            return new Row(
                    packed.substring(start, status - 1),
                    packed.substring(status, executedAt - 1),
                    packed.substring(executedAt, executionTime - 1),
                    Long.parseLong(packed, executionTime, error - 1, 10),
                    nullable(packed, error, checksum - 1),
                    nullable(packed, checksum, end));
        } catch (NumberFormatException e) {
            // Beyond a long: not what SQLite writes for an INTEGER.
            return null;
        }
    }

    /**
     * Returns whether {@code packed[start, end)} is an integer as SQLite writes one: ASCII digits, after a minus sign
     * if negative. ({@code Long.parseLong} also takes other scripts' digits and a plus sign, which SQLite does not read
     * as a number.)
     */
    private static boolean isInteger(String packed, int start, int end) {
        int first = start < end && packed.charAt(start) == '-' ? start + 1 : start;
        if (first == end) {
            return false;
        }
        for (int i = first; i < end; i++) {
            char c = packed.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns where the column after the one at {@code from} starts, before {@code end}; -1 if there is none. */
    private static int field(String packed, int from, int end) {
        if (from < 0) {
            return -1;
        }
        int separator = packed.indexOf(FIELD, from);
        return separator < 0 || separator >= end ? -1 : separator + 1;
    }

    /** Returns whether a nullable column is as packed: empty for {@code NULL}, or {@code =} and the text. */
    private static boolean isNullable(String packed, int start, int end) {
        return start == end || packed.charAt(start) == '=';
    }

    /** Reads a nullable column that {@link #isNullable} accepts. */
    private static String nullable(String packed, int start, int end) {
        return start == end ? null : packed.substring(start + 1, end);
    }
}
