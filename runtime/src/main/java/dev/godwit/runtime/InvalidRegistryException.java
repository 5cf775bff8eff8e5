package dev.godwit.runtime;

/**
 * A {@link MigrationRegistry} cannot be used: {@link java.util.ServiceLoader} could not load or instantiate it, or
 * it breaks the interface's contract (its {@link MigrationRegistry#migrations()} throws, returns {@code null}, or
 * holds {@code null} or an invalid ID). Generated registries do not do this; a stale build or a hand-written
 * registry can. Thrown before any database work.
 */
public class InvalidRegistryException extends GodwitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the registry and what is wrong with it
     */
    public InvalidRegistryException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message the registry and what is wrong with it
     * @param cause what the registry or the service loader threw
     */
    public InvalidRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
