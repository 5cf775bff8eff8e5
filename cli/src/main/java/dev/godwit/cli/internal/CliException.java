package dev.godwit.cli.internal;

/**
 * A failure the command reports as one line and an exit code: a usage or configuration error the user can fix, or a
 * database that cannot be reached. The message is complete and meant for the user; it never holds a password.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    private CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /**
     * A usage or configuration error ({@link ExitCodes#USAGE}).
     *
     * @param message what is wrong and how to fix it
     * @return the exception
     */
    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message, null);
    }

    /**
     * A usage or configuration error ({@link ExitCodes#USAGE}) found through another exception.
     *
     * @param message what is wrong and how to fix it
     * @param cause what revealed it
     * @return the exception
     */
    public static CliException usage(String message, Throwable cause) {
        return new CliException(ExitCodes.USAGE, message, cause);
    }

    /**
     * The database could not be reached ({@link ExitCodes#DATABASE_UNAVAILABLE}).
     *
     * @param message which database, and the driver's reason
     * @param cause the driver's exception
     * @return the exception
     */
    public static CliException unavailable(String message, Throwable cause) {
        return new CliException(ExitCodes.DATABASE_UNAVAILABLE, message, cause);
    }

    /**
     * Returns the exit code the command ends with.
     *
     * @return one of {@link ExitCodes}
     */
    public int exitCode() {
        return exitCode;
    }
}
