package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.internal.database.DatabaseSupport;
import dev.godwit.runtime.internal.database.TableName;
import dev.godwit.runtime.internal.database.TrackingRow;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the whole tracking table at once gives the rows that reading them one by one gives, whatever they hold. On
 * SQLite the two take different paths: all rows packed into one value, and each row's columns.
 */
class TrackingTableReadTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void rowsWrittenByTheRunnerReadBackAsWritten(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        Instant at = Instant.parse("2026-11-23T04:05:06.789Z");
        List<TrackingRow> written = List.of(
                new TrackingRow("v1", TrackingRow.Status.SUCCESS, at, Duration.ofMillis(12), null, "ab".repeat(32)),
                new TrackingRow("v2", TrackingRow.Status.SUCCESS, at.plusSeconds(1), Duration.ZERO, null, null),
                new TrackingRow(
                        "v3",
                        TrackingRow.Status.FAILED,
                        at.plusSeconds(2),
                        Duration.ofMillis(1_234_567_890_123L),
                        "=boom: é 🦆\n\tat line 2 ||,",
                        "="),
                new TrackingRow("v4", TrackingRow.Status.FAILED, at.plusSeconds(3), Duration.ofMillis(5), "", ""));
        createTable(database);
        try (Connection connection = database.connect()) {
            TrackingTable tracking = tracking(connection);
            for (TrackingRow row : written) {
                insert(connection, tracking, row);
            }

            Map<String, TrackingRow> rows = tracking.readAll(connection);

            assertThat(rows.values()).containsExactlyElementsOf(written);
            assertThat(rows.values()).containsExactlyElementsOf(readOneByOne(connection, tracking, rows));
        }
    }

    /**
     * The separators of the packed value, in values: each of these rows, alone in its table with a plain one, would
     * read as a wrong row, or as two, if the separators were only split on. The table is read column by column.
     */
    @EachDatabase
    void valuesHoldingTheSeparatorsReadBackAsWritten(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        Instant at = Instant.parse("2026-11-23T04:05:06.789Z");
        String fakeRow = "v6\u001fsuccess\u001f" + (kind == DatabaseKind.SQLITE ? at.toString() : at.toEpochMilli())
                + "\u001f6\u001f\u001f";
        List<TrackingRow> crafted = List.of(
                new TrackingRow("v2", TrackingRow.Status.FAILED, at, Duration.ofMillis(2), "a\u001fb", null),
                new TrackingRow("v2", TrackingRow.Status.FAILED, at, Duration.ofMillis(2), "a\u001f=b", "c"),
                new TrackingRow("v2", TrackingRow.Status.FAILED, at, Duration.ofMillis(2), "a\u001eb", "\u001e"),
                new TrackingRow("v2", TrackingRow.Status.SUCCESS, at, Duration.ofMillis(2), null, "=x\u001e" + fakeRow),
                new TrackingRow(
                        "v2", TrackingRow.Status.SUCCESS, at, Duration.ofMillis(2), "=x\u001e" + fakeRow, null));
        try (Connection connection = database.connect()) {
            for (int i = 0; i < crafted.size(); i++) {
                TrackingTable tracking =
                        new TrackingTable(DatabaseSupport.of(connection).dialect(), TableName.parse("crafted_" + i));
                tracking.create(connection);
                List<TrackingRow> written = List.of(
                        new TrackingRow("v1", TrackingRow.Status.SUCCESS, at, Duration.ofMillis(1), null, "ab"),
                        crafted.get(i));
                for (TrackingRow row : written) {
                    insert(connection, tracking, row);
                }

                assertThat(tracking.readAll(connection).values())
                        .as("crafted row %d", i)
                        .containsExactlyElementsOf(written);
            }
        }
    }

    @EachDatabase
    void rowsWrittenByHandReadAsTheyDoOneByOne(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        createTable(database);
        database.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms, error, checksum)"
                + " VALUES ('by hand', 'success', " + (kind == DatabaseKind.SQLITE ? "datetime('now')" : "now()")
                + ", 0, NULL, NULL)");
        database.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms, error, checksum)"
                + " VALUES ('v9', 'failed', '2024-05-01T12:34:56.789Z', 7, 'it broke', NULL)");
        Map<String, TrackingRow> rows = readAllCheckedOneByOne(database);

        assertThat(rows.keySet()).containsExactly("by hand", "v9");
    }

    /**
     * SQLite's timestamps are text: rows that share a minute share its parsing, and a row in another minute, before or
     * after, in another hour, day or year, or in the same minute but not as the runner writes it, reads as it is.
     */
    @Test
    void timestampsInOneMinuteAndAcrossMinutesReadAsWritten() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        createTable(database);
        Map<String, String> executedAt = new LinkedHashMap<>();
        executedAt.put("v1", "2026-12-31T23:59:58.999Z");
        executedAt.put("v2", "2026-12-31T23:59:59.000Z");
        // In the minute parsed last, but its seconds are not a time of day: ISO-8601's leap second, as Instant.parse
        // reads it.
        executedAt.put("v2a", "2026-12-31T23:59:60.000Z");
        executedAt.put("v3", "2027-01-01T00:00:00.000Z");
        executedAt.put("v4", "2026-12-31T23:59:30.500Z");
        executedAt.put("v5", "2026-12-31T23:58:59.001Z");
        executedAt.put("v6", "2028-02-29T12:00:00.001Z");
        executedAt.put("v7", "2028-02-29T12:00:05Z");
        executedAt.put("v8", "2028-02-29T12:00:06.120Z");
        executedAt.put("v9", "2028-02-29 12:00:07");
        insertSuccesses(database, executedAt);

        Map<String, TrackingRow> rows = readAllCheckedOneByOne(database);

        assertThat(rows.values())
                .extracting(TrackingRow::executedAt)
                .containsExactly(
                        Instant.parse("2026-12-31T23:59:58.999Z"),
                        Instant.parse("2026-12-31T23:59:59.000Z"),
                        Instant.parse("2026-12-31T23:59:60.000Z"),
                        Instant.parse("2027-01-01T00:00:00.000Z"),
                        Instant.parse("2026-12-31T23:59:30.500Z"),
                        Instant.parse("2026-12-31T23:58:59.001Z"),
                        Instant.parse("2028-02-29T12:00:00.001Z"),
                        Instant.parse("2028-02-29T12:00:05Z"),
                        Instant.parse("2028-02-29T12:00:06.120Z"),
                        Instant.parse("2028-02-29T12:00:07Z"));
    }

    /**
     * PostgreSQL sends a {@code timestamptz} as text in the session's time zone, and the runner parses it itself: an
     * offset in hours, in hours and minutes, or with seconds (a zone's local mean time, before it took a standard offset), a fraction of any
     * length, every calendar edge. The forms it leaves to the driver (a year after 9999 or before 1, infinity) read as
     * the driver reads them, and every row reads as the driver's own {@code OffsetDateTime} of it.
     */
    @Test
    void postgresTimestampsReadAsTheDriverReadsThemInAnySessionTimeZone() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        createTable(database);
        Map<String, String> stored = new LinkedHashMap<>();
        stored.put("v1", "2026-12-07 04:25:32.123+00");
        stored.put("v2", "2026-12-07 04:25:32+00");
        stored.put("v3", "2026-12-07 04:25:32.123456+00");
        stored.put("v4", "2026-12-07 04:25:32.1+00");
        stored.put("v5", "2028-02-29 23:59:59.999999+00");
        stored.put("v6", "2100-03-01 00:00:00+00");
        stored.put("v7", "1900-01-01 00:00:00+00");
        stored.put("v8", "0099-06-30 12:00:00.5+00");
        stored.put("v9", "9999-12-31 23:59:59.999999+00");
        stored.put("v10", "10000-01-01 00:00:00+00");
        stored.put("v11", "0044-03-15 12:00:00+00 BC");
        stored.put("v12", "infinity");
        stored.put("v13", "-infinity");
        insertSuccesses(database, stored);
        // Offsets +00, +05:45, -03:30, +01, and before 1900 local mean time with seconds: +05:41:16, -03:30:52.
        for (String zone : List.of("UTC", "Asia/Kathmandu", "America/St_Johns", "Europe/Amsterdam")) {
            try (Connection connection = database.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("SET TIME ZONE '" + zone + "'");
                Map<String, Instant> byDriver = new LinkedHashMap<>();
                try (ResultSet resultSet = statement.executeQuery("SELECT id, executed_at FROM godwit_migrations")) {
                    while (resultSet.next()) {
                        byDriver.put(
                                resultSet.getString(1),
                                resultSet.getObject(2, OffsetDateTime.class).toInstant());
                    }
                }
                TrackingTable tracking = tracking(connection);
                Map<String, TrackingRow> rows = tracking.readAll(connection);
                Map<String, Instant> read = new LinkedHashMap<>();
                rows.forEach((id, row) -> read.put(id, row.executedAt()));

                assertThat(read).as(zone).containsExactlyEntriesOf(byDriver);
                assertThat(read)
                        .as(zone)
                        .containsEntry("v1", Instant.parse("2026-12-07T04:25:32.123Z"))
                        .containsEntry("v3", Instant.parse("2026-12-07T04:25:32.123456Z"))
                        .containsEntry("v5", Instant.parse("2028-02-29T23:59:59.999999Z"))
                        .containsEntry("v7", Instant.parse("1900-01-01T00:00:00Z"))
                        .containsEntry("v8", Instant.parse("0099-06-30T12:00:00.500Z"));
                assertThat(rows.values()).containsExactlyElementsOf(readOneByOne(connection, tracking, rows));
            }
        }
    }

    /**
     * A table made by hand without the runner's {@code NOT NULL}: a row without {@code executed_at} is an error that
     * names the migration and says how to mend the row, not a crash or a timestamp made up.
     */
    @EachDatabase
    void aRowWithoutExecutedAtIsReportedWithItsMigration(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        database.execute("CREATE TABLE godwit_migrations (id VARCHAR(255) PRIMARY KEY, status VARCHAR(16), executed_at "
                + (kind == DatabaseKind.SQLITE ? "TEXT" : "TIMESTAMPTZ")
                + ", execution_time_ms BIGINT, error TEXT, checksum VARCHAR(64))");
        insertSuccesses(database, Map.of("v1", "2024-05-01T12:34:56.789Z"));
        database.execute("INSERT INTO godwit_migrations VALUES ('v2', 'success', NULL, 1, NULL, NULL)");
        try (Connection connection = database.connect()) {
            TrackingTable tracking = tracking(connection);

            assertThatThrownBy(() -> tracking.readAll(connection))
                    .isInstanceOf(TrackingTableException.class)
                    .hasMessage("The tracking table godwit_migrations has no executed_at for migration v2. Set it to"
                            + " when the migration ran, or delete the row to run the migration again.");
        }
    }

    /** A duration SQLite holds as a REAL, which the packed form cannot carry: the rows are read column by column. */
    @Test
    void aDurationThatIsNotAnIntegerIsReadAsTheDriverReadsIt() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        createTable(database);
        database.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms, error, checksum)"
                + " VALUES ('v1', 'success', '2024-05-01T12:34:56.789Z', 0, NULL, NULL),"
                + " ('v2', 'success', '2024-05-01T12:34:57.789Z', 3.7, NULL, NULL)");
        Map<String, TrackingRow> rows = readAllCheckedOneByOne(database);

        assertThat(rows.get("v2").executionTime()).isEqualTo(Duration.ofMillis(3));
    }

    /**
     * A table created by hand without {@code NOT NULL}: a row with a {@code NULL} duration, and another whose error
     * holds a packed row. Were the first left out of the packed value, the second would make up the count, and the
     * value would read as a success of v2, which the table does not hold.
     */
    @Test
    void aRowWithNullsIsNotMadeUpByASeparatorInAnotherRow() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        database.execute("CREATE TABLE godwit_migrations (id TEXT PRIMARY KEY, status TEXT, executed_at TEXT,"
                + " execution_time_ms INTEGER, error TEXT, checksum TEXT)");
        String at = "2024-05-01T12:34:56.789Z";
        database.execute("INSERT INTO godwit_migrations VALUES ('v1', 'failed', '" + at + "', 1, 'X' || char(31)"
                + " || '=c' || char(30) || 'v2' || char(31) || 'success' || char(31) || '" + at + "' || char(31)"
                + " || '5' || char(31), NULL), ('v3', 'failed', '" + at + "', NULL, 'boom', NULL)");
        Map<String, TrackingRow> rows = readAllCheckedOneByOne(database);

        assertThat(rows.keySet()).containsExactly("v1", "v3");
    }

    /** A duration stored as text in other scripts' digits: SQLite does not read it as a number, nor does the runner. */
    @Test
    void aDurationInOtherDigitsIsReadAsTheDriverReadsIt() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        createTable(database);
        database.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms, error, checksum)"
                + " VALUES ('v1', 'success', '2024-05-01T12:34:56.789Z', '\uFF15\u0663', NULL, NULL)");
        Map<String, TrackingRow> rows = readAllCheckedOneByOne(database);

        assertThat(rows.get("v1").executionTime()).isEqualTo(Duration.ZERO);
    }

    /** The rows together are longer than the connection allows a value to be, each alone is not. */
    @Test
    void rowsLongerTogetherThanTheLimitOnAValueAreReadColumnByColumn() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        createTable(database);
        Instant at = Instant.parse("2026-11-23T04:05:06.789Z");
        List<TrackingRow> written = new ArrayList<>();
        try (Connection connection = database.connect()) {
            TrackingTable tracking = tracking(connection);
            for (int i = 0; i < 1_000; i++) {
                TrackingRow row = new TrackingRow(
                        "v" + i,
                        TrackingRow.Status.SUCCESS,
                        at.plusMillis(i),
                        Duration.ofMillis(i),
                        null,
                        "ab".repeat(32));
                insert(connection, tracking, row);
                written.add(row);
            }
        }
        try (Connection limited = DriverManager.getConnection(database.url() + "?limit_length=100000")) {
            assertThat(tracking(limited).readAll(limited).values()).containsExactlyElementsOf(written);
        }
    }

    @EachDatabase
    void anEmptyTableHasNoRows(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        createTable(database);
        try (Connection connection = database.connect()) {
            assertThat(tracking(connection).readAll(connection)).isEmpty();
        }
    }

    private static void createTable(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            tracking(connection).create(connection);
        }
    }

    /** Inserts a success for each ID, with {@code executed_at} as the text given, as a hand-written row would. */
    private static void insertSuccesses(TestDatabase database, Map<String, String> executedAt) throws Exception {
        for (Map.Entry<String, String> row : executedAt.entrySet()) {
            database.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms, error,"
                    + " checksum) VALUES ('" + row.getKey() + "', 'success', '" + row.getValue() + "', 1, NULL, NULL)");
        }
    }

    private static TrackingTable tracking(Connection connection) {
        return new TrackingTable(DatabaseSupport.of(connection).dialect(), TableName.DEFAULT);
    }

    private static void insert(Connection connection, TrackingTable tracking, TrackingRow row) throws Exception {
        Map<String, Object> values = tracking.values(row);
        try (var statement =
                connection.prepareStatement("INSERT INTO " + tracking.name().sql()
                        + " (id, status, executed_at, execution_time_ms, error, checksum) VALUES (?, ?, "
                        + DatabaseSupport.of(connection).dialect().executedAt("?") + ", ?, ?, ?)")) {
            statement.setObject(1, values.get("id"));
            statement.setObject(2, values.get("status"));
            statement.setObject(3, values.get("executedAt"));
            statement.setObject(4, values.get("executionTimeMs"));
            statement.setObject(5, values.get("error"));
            statement.setObject(6, values.get("checksum"));
            statement.executeUpdate();
        }
    }

    /** Reads the whole table, checks that its rows read as they do one by one, and returns them. */
    private static Map<String, TrackingRow> readAllCheckedOneByOne(TestDatabase database) throws Exception {
        try (Connection connection = database.connect()) {
            TrackingTable tracking = tracking(connection);
            Map<String, TrackingRow> rows = tracking.readAll(connection);
            assertThat(rows.values()).containsExactlyElementsOf(readOneByOne(connection, tracking, rows));
            return rows;
        }
    }

    private static List<TrackingRow> readOneByOne(
            Connection connection, TrackingTable tracking, Map<String, TrackingRow> rows) {
        List<TrackingRow> read = new ArrayList<>();
        for (String id : rows.keySet()) {
            read.add(tracking.read(connection, id).orElseThrow());
        }
        return read;
    }
}
