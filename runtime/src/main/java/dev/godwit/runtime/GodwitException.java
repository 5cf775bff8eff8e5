package dev.godwit.runtime;

/**
 * The root of every exception Godwit throws. Unchecked, like JDBI's own exceptions: there is rarely anything to do
 * about a failed migration run but to stop the application and read the message.
 *
 * <p>Each subclass says what failed. Messages name the migration where there is one, and the fix, including the
 * option to change where an option is at fault.
 *
 * <p>A failing migration body is not one of these: the runner records it, goes on with the next migration and
 * reports it in the {@link MigrationReport}; {@link MigrationReport#throwIfFailed()} turns it into a
 * {@link MigrationFailedException} for callers that want to stop.
 */
public abstract class GodwitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, and the fix
     */
    protected GodwitException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the exception that caused it.
     *
     * @param message what failed, and the fix
     * @param cause the underlying exception
     */
    protected GodwitException(String message, Throwable cause) {
        super(message, cause);
    }
}
