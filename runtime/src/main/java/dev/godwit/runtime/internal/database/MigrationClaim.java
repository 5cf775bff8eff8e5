package dev.godwit.runtime.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Keeps two runners on one database from running the same migration at the same time, by making the migration's own
 * tracking row the lock: the first statement of the migration's transaction <em>claims</em> the row, an upsert that
 * writes it unless it already records a success ({@link TrackingDialect#claimCondition}).
 *
 * <p>A concurrent claim of the same row waits until the holder's transaction ends, and then sees what the holder
 * committed: a {@code success} row, and it claims nothing (the migration is skipped), or no change, and it claims the
 * row. The claim is thus a transaction-scoped lock: released by commit, rollback, or the death of the connection or
 * the process, never left behind, and independent of session state, so a transaction-mode connection pooler is no
 * obstacle. It costs no statement beside the row the runner writes anyway.
 *
 * <p>The database-specific parts are how the wait is bounded ({@link #timeout()}), recognized when it expires, and
 * explained. One instance serves one run.
 */
public interface MigrationClaim {

    /**
     * Prepares the runner's connection for the run's claims, once, before the first one: learns or sets what the
     * claims depend on. Called only when something is pending, so that a start with nothing to do costs nothing here.
     *
     * @param connection the runner's connection, in auto-commit mode
     * @throws SQLException if the database cannot be asked
     */
    void prepare(Connection connection) throws SQLException;

    /**
     * Undoes what {@link #prepare} changed on the runner's connection, at the end of the run.
     *
     * @param connection the runner's connection, in auto-commit mode
     * @throws SQLException if the database cannot be asked
     */
    void release(Connection connection) throws SQLException;

    /**
     * Claims the row of {@code row.id()}, writing {@code row}'s values, unless the row records a success; waits while
     * another transaction holds the claim. Must be the transaction's first statement.
     *
     * @param transaction the connection, in a transaction that has run no statement yet
     * @param row the values to write
     * @param wait the longest wait, {@link #timeout()} but for a poll; SQLite always waits its busy timeout
     * @param rerunSucceeded whether a row that records a success is claimed too (an active interval migration)
     * @return {@code true} if this transaction now holds the claim and has written {@code row}; {@code false} if the
     *     row records a success
     * @throws SQLException if the claim failed, {@linkplain #isTimeout(Throwable) its wait timed out}
     *     included
     */
    boolean claim(Connection transaction, TrackingRow row, Duration wait, boolean rerunSucceeded) throws SQLException;

    /**
     * Returns whether an exception of {@link #claim} means that the wait for another transaction's claim timed out.
     *
     * @param failure what {@link #claim} threw
     * @return {@code true} for a lock wait that timed out
     */
    boolean isTimeout(Throwable failure);

    /**
     * Describes, for an error message, what holds the claim that a timed-out wait was for, as far as the database
     * can tell.
     *
     * @param connection a connection in auto-commit mode, not in the timed-out transaction
     * @param id the migration ID
     * @return a phrase such as {@code another connection holds the database's write lock}
     */
    String holder(Connection connection, String id) throws SQLException;

    /**
     * Returns whether {@link #reserve} is available: a lock that a transaction on a second connection can hold while
     * a non-transactional migration's body runs in auto-commit mode on the first. Not on SQLite, where any lock held
     * beside the body is the database's write lock, which the body's own writes would wait for.
     *
     * @return {@code true} if {@link #reserve} is available
     */
    boolean holdsBesideTheBody();

    /**
     * Takes, without waiting, a transaction-scoped lock that keeps non-transactional migrations apart, and leaves the
     * transaction without a snapshot and without a transaction ID. {@code CREATE INDEX CONCURRENTLY} waits for every
     * transaction that has either, including one on the runner's own second connection (a deadlock the database
     * cannot see), and one that waits for the lock inside a statement (which holds a snapshot meanwhile): so the lock
     * is polled, and the transaction reads and writes nothing before the body is done.
     *
     * @param transaction a connection in a transaction that has run no statement yet
     * @return {@code false} if another transaction holds the lock; this transaction is then aborted
     * @throws SQLException if the lock cannot be taken for another reason
     * @throws UnsupportedOperationException unless {@link #holdsBesideTheBody()}
     */
    boolean reserve(Connection transaction) throws SQLException;

    /**
     * Bounds by {@link #timeout()} how long the statements of a transaction that writes the tracking table, other than
     * a claim, wait for a row that another runner's transaction holds, where the database needs the bound set for the
     * transaction; a wait that runs out fails as {@link #isTimeout} tells. It also sets the transaction's isolation as
     * a claim's, so that such a wait ends on the row's newest version. By default nothing: SQLite's busy timeout is
     * the connection's, set by {@link #prepare}.
     *
     * @param transaction the transaction, which has run no statement yet
     * @throws SQLException if the bound cannot be set
     */
    default void boundWaits(Connection transaction) throws SQLException {}

    /**
     * Whether the database has aborted {@code transaction}, so that committing it would roll it back instead, the
     * claim's {@code success} with it. PostgreSQL aborts a transaction at its first failed statement, even one whose
     * exception a migration caught, and its driver then reports the commit as done. SQLite goes on after a failed
     * statement: by default {@code false}.
     *
     * @param transaction the transaction, after the migration's body has returned
     * @return whether committing the transaction would roll it back
     * @throws SQLException if the database cannot tell
     */
    default boolean isAborted(Connection transaction) throws SQLException {
        return false;
    }

    /**
     * Returns the longest wait for another transaction's claim.
     *
     * @return the timeout, {@code MigrationRunner.Builder#lockTimeout}
     */
    Duration timeout();

    /**
     * Returns how long the databases wait for {@code timeout}: whole milliseconds, at least one (both take a wait of
     * zero as none at all), at most {@link Integer#MAX_VALUE}.
     *
     * @param timeout the lock timeout
     * @return the milliseconds
     */
    static long waitMillis(Duration timeout) {
        return Math.min(Math.max(timeout.toMillis(), 1), Integer.MAX_VALUE);
    }

    /**
     * Returns the wait for {@link #timeout()} as the message of a wait that ran out gives it: {@code 10 s},
     * {@code 300 ms}.
     *
     * @return the wait, in words
     */
    default String describeTimeout() {
        long millis = waitMillis(timeout());
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
