package dev.godwit.runtime;

/**
 * An option of {@link MigrationRunner.Builder} has a value Godwit cannot use: a tracking table name that is not an
 * identifier, an instance factory that returns no instance, a {@link org.jdbi.v3.core.Jdbi} whose connections are
 * already in a transaction. The message names the option and the rule.
 *
 * <p>Thrown by the builder for a bad value it can check at once. An instance factory ({@link
 * MigrationRunner.Builder#instances}) is only called while a migration runs, so its mistakes fail that migration
 * instead, with this exception as the error of its {@link MigrationResult}.
 */
public class InvalidConfigurationException extends GodwitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the option, the bad value, and the rule it breaks
     */
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
