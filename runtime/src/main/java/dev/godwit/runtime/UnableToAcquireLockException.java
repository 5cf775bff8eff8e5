package dev.godwit.runtime;

/**
 * The lock that keeps two runners from running the same migration at once could not be taken. The run stops; the
 * migration has not run and runs on the next start.
 *
 * <p>The lock is transaction-scoped (a PostgreSQL {@code pg_advisory_xact_lock}, SQLite's write lock), so it always
 * ends with the transaction of the runner that holds it, even if that process dies: nothing is left to clear by
 * hand. On SQLite, waiting for it is bounded by a busy timeout; this exception then means another connection kept
 * the database locked for longer than that.
 */
public class UnableToAcquireLockException extends GodwitException {

    private static final long serialVersionUID = 1L;

    private final String migrationId;

    /**
     * Creates the exception.
     *
     * @param migrationId the migration the lock was taken for, or {@code null} when it was taken to accept checksums
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
     * @return the migration ID, or {@code null} when the lock was taken by
     *     {@link MigrationRunner#acceptChecksums(String...)}
     */
    public String migrationId() {
        return migrationId;
    }
}
