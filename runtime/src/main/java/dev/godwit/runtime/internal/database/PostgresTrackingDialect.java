package dev.godwit.runtime.internal.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The tracking table on PostgreSQL: {@code VARCHAR}, {@code TIMESTAMPTZ}, {@code BIGINT}, {@code TEXT}. */
public final class PostgresTrackingDialect implements TrackingDialect {

    private static final NamedSql EXISTS = NamedSql.of("SELECT to_regclass(:name) IS NOT NULL");

    @Override
    public boolean exists(Connection connection, TableName table) throws SQLException {
        // to_regclass resolves the name as the CREATE would: unquoted identifiers folded, the search_path applied.
        return EXISTS.query(connection, Map.of("name", table.sql()), resultSet -> resultSet.getBoolean(1))
                .get(0);
    }

    @Override
    public String createTable(TableName table) {
        return "CREATE TABLE IF NOT EXISTS " + table.sql() + " ("
                + "id VARCHAR(" + ID_LENGTH + ") NOT NULL PRIMARY KEY, "
                + "status VARCHAR(16) NOT NULL CHECK (status IN ('success', 'failed')), "
                + "executed_at TIMESTAMPTZ NOT NULL, "
                + "execution_time_ms BIGINT NOT NULL, "
                + "error TEXT, "
                + "checksum VARCHAR(" + CHECKSUM_LENGTH + "))";
    }

    /**
     * Milliseconds since the epoch, which {@link #executedAt(String)} turns into a {@code timestamptz} on the server.
     * Not an {@code OffsetDateTime}: the driver builds a {@code GregorianCalendar} for every statement that binds a
     * timestamp, and in a fresh JVM applying 1,000 trivial migrations took 1.13 s with it against 1.04 s without.
     */
    @Override
    public Object timestamp(Instant instant) {
        return instant.toEpochMilli();
    }

    /**
     * The epoch plus the milliseconds: exact, and independent of the session's time zone, as the interval has no days
     * or months.
     */
    @Override
    public String executedAt(String parameter) {
        return "(TIMESTAMPTZ 'epoch' + " + parameter + " * INTERVAL '1 millisecond')";
    }

    /**
     * Returns a {@code timestamptz} expression in milliseconds since the epoch, rounded half to even, to compare with
     * the milliseconds the runner wrote. Through {@code date_part}, which computes in {@code double precision}, far
     * finer than a millisecond for any date a row holds: since PostgreSQL 14, {@code extract} computes in {@code
     * numeric}, which is slower.
     */
    private static String epochMillis(String timestamp) {
        return "(date_part('epoch', " + timestamp + ") * 1000)::bigint";
    }

    /**
     * One statement for every row, whatever their number: the rows' values as three arrays, joined by {@code
     * unnest}. The timestamps are compared in milliseconds, as written. A row that another transaction has locked is
     * skipped, not waited for, and keeps 0 ms: another runner's claim locks it even when it finds the success and
     * takes nothing, and so does one that runs an interval migration again or accepts checksums. A duration is not
     * worth waiting for, and a transaction that never waits cannot deadlock with them.
     */
    @Override
    public void recordDurations(Connection connection, TableName table, List<TrackingRow> rows) throws SQLException {
        String[] ids = new String[rows.size()];
        Long[] durations = new Long[rows.size()];
        Long[] executedAt = new Long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            TrackingRow row = rows.get(i);
            ids[i] = row.id();
            durations[i] = row.executionTime().toMillis();
            executedAt[i] = row.executedAt().toEpochMilli();
        }
        try (PreparedStatement update = connection.prepareStatement("WITH d AS (SELECT * FROM"
                + " unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS d(id, ms, at)),"
                + " free AS (SELECT r.id FROM " + table.sql() + " AS r JOIN d ON r.id = d.id"
                + " FOR UPDATE OF r SKIP LOCKED)"
                + " UPDATE " + table.sql()
                + " AS godwit_row SET execution_time_ms = d.ms FROM d JOIN free ON free.id = d.id"
                + " WHERE godwit_row.id = d.id AND godwit_row.status = 'success'"
                + " AND " + epochMillis("godwit_row.executed_at") + " = d.at")) {
            update.setArray(1, connection.createArrayOf("varchar", ids));
            update.setArray(2, connection.createArrayOf("bigint", durations));
            update.setArray(3, connection.createArrayOf("bigint", executedAt));
            update.executeUpdate();
        }
    }

    /**
     * Reads {@code executed_at} as the server sends it, as text, parsed by {@link PostgresTimestamps}: to the
     * microsecond, as stored. A form it does not parse is left to the driver.
     */
    @Override
    public Instant timestamp(ResultSet resultSet, int column) throws SQLException {
        String text = resultSet.getString(column);
        if (text == null) {
            return null;
        }
        Instant parsed = PostgresTimestamps.parse(text);
        return parsed != null
                ? parsed
                : resultSet.getObject(column, OffsetDateTime.class).toInstant();
    }
}
