package dev.godwit.runtime.internal.database;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * SQLite's own write lock, taken at the start of the transaction: the same effect as {@code BEGIN IMMEDIATE}, which
 * cannot be used because the JDBC driver has already begun the transaction (deferred) when JDBI hands it over.
 *
 * <p>The first statement is an {@code UPDATE} of the tracking table that matches no row. SQLite starts a write
 * transaction for any write statement, whether or not it changes a row, so this takes the RESERVED lock (in WAL
 * mode, the WAL write lock) that excludes every other writer until the transaction ends; readers go on. Being the
 * transaction's first statement matters in WAL mode too: SQLite can then retry the whole start of the transaction
 * while it waits, instead of failing on a stale read snapshot.
 *
 * <p>While waiting, the connection's busy timeout applies; the driver's default (3 s) is far shorter than a
 * migration can take, so it is raised for the wait and restored right after, leaving the connection as it was.
 */
public final class SqliteWriteLock implements MigrationLock {

    /** How long to wait for another connection's write transaction to end. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final TableName table;

    /**
     * Creates the lock of a tracking table.
     *
     * @param table the tracking table, which must exist
     */
    public SqliteWriteLock(TableName table) {
        this.table = table;
    }

    @Override
    public void acquire(Handle handle) {
        int previousTimeout =
                handle.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one();
        // PRAGMA takes no bind parameters; the values are ints.
        handle.execute("PRAGMA busy_timeout = " + WAIT.toMillis());
        try {
            handle.execute("UPDATE " + table.sql() + " SET id = id WHERE 0 = 1");
        } finally {
            handle.execute("PRAGMA busy_timeout = " + previousTimeout);
        }
    }

    @Override
    public String description() {
        return "SQLite write lock on " + table + " (waits up to " + WAIT.toSeconds() + " s)";
    }
}
