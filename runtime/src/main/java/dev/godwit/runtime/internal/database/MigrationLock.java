package dev.godwit.runtime.internal.database;

import org.jdbi.v3.core.Handle;

/**
 * Keeps two runners on one database from running the same migration at the same time.
 *
 * <p>The lock belongs to a transaction, not to a session: it is taken at the start of a migration's transaction and
 * released when that transaction ends, by commit, rollback, or the death of the connection or the process. Nothing is
 * left to clean up after a crash, and nothing depends on session state surviving between transactions, so a
 * transaction-mode connection pooler is no obstacle.
 */
public interface MigrationLock {

    /**
     * Takes the lock for the transaction open on {@code handle}, waiting while another runner holds it.
     *
     * <p>Must be the first statement of the transaction: what the transaction reads afterwards must include what the
     * previous holder committed.
     *
     * @param handle the connection, in a transaction that has run no statement yet
     * @throws org.jdbi.v3.core.JdbiException if the lock could not be taken
     */
    void acquire(Handle handle);

    /**
     * Describes the lock for messages: what it is and on what.
     *
     * @return the description
     */
    String description();
}
