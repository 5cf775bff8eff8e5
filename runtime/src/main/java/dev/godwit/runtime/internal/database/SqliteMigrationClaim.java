package dev.godwit.runtime.internal.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The claim on SQLite: {@code INSERT ... ON CONFLICT (id) DO UPDATE ... WHERE <claim condition> RETURNING id}.
 *
 * <p>The claim is a write and the transaction's first statement, so it takes SQLite's write lock at once (the
 * RESERVED lock; in WAL mode the WAL write lock), whether or not it changes a row: every other writer is kept out
 * until the transaction ends, and readers go on. It then reads the newest committed row. Being the first statement
 * matters in WAL mode too: SQLite can retry the whole start of the transaction while it waits, instead of failing on a
 * stale read snapshot. (The JDBC driver has begun a deferred transaction when JDBI hands it over, so {@code BEGIN
 * IMMEDIATE} is not available.)
 *
 * <p>The wait for the write lock is bounded by the connection's busy timeout, set to the lock timeout once per run and
 * put back at its end.
 */
public final class SqliteMigrationClaim implements MigrationClaim {

    /** {@code SQLITE_BUSY}, the primary result code of a write lock wait that timed out. */
    private static final int SQLITE_BUSY = 5;

    private final TrackingTable tracking;
    private final Duration timeout;
    private final NamedSql claim;
    private Integer previousBusyTimeout;

    /**
     * Creates the claims of a run.
     *
     * @param tracking the tracking table
     * @param dialect its SQL
     * @param timeout the longest wait for the write lock
     */
    public SqliteMigrationClaim(TrackingTable tracking, TrackingDialect dialect, Duration timeout) {
        this.tracking = tracking;
        this.timeout = timeout;
        this.claim = NamedSql.of(dialect.claim(tracking.name()));
    }

    @Override
    public void prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet current = statement.executeQuery("PRAGMA busy_timeout")) {
                previousBusyTimeout = current.next() ? current.getInt(1) : null;
            }
            // PRAGMA takes no bind parameters; the value is an int.
            statement.execute("PRAGMA busy_timeout = " + MigrationClaim.waitMillis(timeout));
        }
    }

    @Override
    public void release(Connection connection) throws SQLException {
        if (previousBusyTimeout != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = " + previousBusyTimeout);
            }
            previousBusyTimeout = null;
        }
    }

    @Override
    public boolean claim(Connection transaction, TrackingRow row, Duration wait, boolean rerunSucceeded)
            throws SQLException {
        Map<String, Object> values = tracking.values(row);
        values.put("rerunSucceeded", rerunSucceeded);
        return !claim.query(transaction, values, resultSet -> resultSet.getString(1))
                .isEmpty();
    }

    @Override
    public boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ((sql.getErrorCode() & 0xff) == SQLITE_BUSY
                            || String.valueOf(sql.getMessage()).contains("SQLITE_BUSY"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String holder(Connection connection, String id) {
        return "another connection holds the database's write lock (SQLite does not tell which)";
    }

    @Override
    public boolean holdsBesideTheBody() {
        return false;
    }

    @Override
    public boolean reserve(Connection transaction) {
        throw new UnsupportedOperationException("SQLite has no lock that can be held beside the body");
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
