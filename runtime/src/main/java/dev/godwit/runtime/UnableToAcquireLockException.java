package dev.godwit.runtime;

/**
 * The lock that keeps two runners from running the same migration at once could not be taken within the {@linkplain
 * MigrationRunner.Builder#lockTimeout lock timeout}. The run stops; the migration has not run and runs on the next
 * start. The message names the migration and, on PostgreSQL, the session that holds the lock (pid, {@code
 * application_name}, state, and how long its transaction has been open); on SQLite, the lock is the database's write
 * lock, held by another connection. From {@link MigrationRunner#acceptChecksums(String...)}, which waits for the same
 * locks: no checksum was recorded.
 *
 * <p>The lock is transaction-scoped (the claim of the migration's tracking row, which on SQLite is the database's write
 * lock), so it always ends with the transaction of the runner that holds it, even if that process dies: nothing is
 * left to clear by hand. Waiting longer than the timeout means another runner's migration takes longer than that, or
 * a session holds the lock and does not end.
 */
public class UnableToAcquireLockException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String migrationId;

    /**
     * Creates the exception.
     *
     * @param migrationId the migration the lock was taken for, or {@code null} for SQLite's write lock taken to accept
     *     checksums
     * @param message the lock, the migration, and what went wrong
     * @param cause the JDBI or JDBC exception
     */
    public UnableToAcquireLockException(String migrationId, String message, Throwable cause) {
        super(message, cause);
        this.migrationId = migrationId;
    }

    /**
     * Returns the ID of the migration the lock was taken for.
     *
     * @return the migration ID, or {@code null} when {@link MigrationRunner#acceptChecksums(String...)} waited for
     *     SQLite's write lock
     */
    public String migrationId() {
        return migrationId;
    }
}
