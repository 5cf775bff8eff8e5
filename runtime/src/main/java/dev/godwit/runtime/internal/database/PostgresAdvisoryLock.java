package dev.godwit.runtime.internal.database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/**
 * A transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) on a key derived from the tracking table's
 * name, so runners that share a tracking table exclude each other and those of different tables do not. Advisory
 * locks are per database, so runners on two databases of one server never meet.
 */
public final class PostgresAdvisoryLock implements MigrationLock {

    private final long key;

    /**
     * Creates the lock of a tracking table.
     *
     * @param table the tracking table
     */
    public PostgresAdvisoryLock(TableName table) {
        this.key = keyOf(table);
    }

    /**
     * Returns the advisory lock key of a tracking table: the first 64 bits of the SHA-256 of {@code godwit:} and the
     * table name in lower case (PostgreSQL folds the unquoted name the same way). Stable across processes and
     * versions: runners of different Godwit versions on one database must agree on it.
     *
     * @param table the tracking table
     * @return the key
     */
    public static long keyOf(TableName table) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("godwit:" + table.sql().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    @Override
    public void acquire(Handle handle) {
        // The default isolation could be REPEATABLE READ or SERIALIZABLE (default_transaction_isolation): then the
        // snapshot would be taken when the lock statement starts, before the lock is granted, and the re-read of the
        // tracking row would miss what the previous holder committed. SET TRANSACTION is transaction-scoped, unlike
        // JDBC's setTransactionIsolation (SET SESSION CHARACTERISTICS), which would leak through a pooler.
        handle.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        handle.createQuery("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", key)
                .mapToMap()
                .one();
    }

    @Override
    public String description() {
        return "PostgreSQL advisory lock " + key + " (pg_advisory_xact_lock)";
    }
}
