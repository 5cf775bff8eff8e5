package dev.godwit.runtime.internal.database;

import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

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
    private final String claim;
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
        this.claim = dialect.claim(tracking.name());
    }

    @Override
    public void prepare(Handle handle) {
        previousBusyTimeout =
                handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one();
        // PRAGMA takes no bind parameters; the value is an int.
        handle.execute("PRAGMA busy_timeout = " + Math.min(Math.max(timeout.toMillis(), 1), Integer.MAX_VALUE));
    }

    @Override
    public void release(Handle handle) {
        if (previousBusyTimeout != null) {
            handle.execute("PRAGMA busy_timeout = " + previousBusyTimeout);
            previousBusyTimeout = null;
        }
    }

    @Override
    public boolean claim(Handle transaction, TrackingRow row, Duration wait, boolean rerunSucceeded) {
        return tracking.bind(transaction.createQuery(claim), row)
                .bind("rerunSucceeded", rerunSucceeded)
                .mapTo(String.class)
                .findFirst()
                .isPresent();
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
    public String holder(Handle handle, String id) {
        return "another connection holds the database's write lock (SQLite does not tell which)";
    }

    @Override
    public boolean holdsBesideTheBody() {
        return false;
    }

    @Override
    public boolean reserve(Handle transaction) {
        throw new UnsupportedOperationException("SQLite has no lock that can be held beside the body");
    }

    @Override
    public Duration timeout() {
        return timeout;
    }
}
