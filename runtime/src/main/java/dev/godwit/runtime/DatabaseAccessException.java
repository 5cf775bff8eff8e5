package dev.godwit.runtime;

/**
 * The runner could not talk to the database: no connection could be opened through the given
 * {@link org.jdbi.v3.core.Jdbi}, or a transaction could not be started, rolled back or committed. This is not a
 * failure of a migration and is not recorded as one: the run stops, and whatever was not committed runs again on the
 * next start. The cause is the JDBI or JDBC exception.
 */
public class DatabaseAccessException extends GodwitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the runner was doing, and for which migration
     * @param cause the JDBI or JDBC exception
     */
    public DatabaseAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
