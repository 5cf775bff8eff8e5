package dev.godwit.runtime;

/**
 * The tracking table (by default {@code godwit_migrations}) could not be created, read or written, or holds a row
 * the runner does not understand. This is not a failure of a migration: the run stops, and a migration whose row
 * could not be written runs again on the next start (of a transactional one, nothing is committed).
 * The message names the table and, where there is one, the migration; the cause is the JDBI or JDBC exception.
 */
public class TrackingTableException extends GodwitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the table, the migration if any, and what failed
     */
    public TrackingTableException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message the table, the migration if any, and what failed
     * @param cause the JDBI or JDBC exception
     */
    public TrackingTableException(String message, Throwable cause) {
        super(message, cause);
    }
}
