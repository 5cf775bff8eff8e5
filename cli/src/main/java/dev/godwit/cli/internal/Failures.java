package dev.godwit.cli.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.GodwitException;
import dev.godwit.runtime.UnableToAcquireLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/** Turns an exception that ends a command into its exit code and the one line the user reads. */
public final class Failures {

    private Failures() {}

    /**
     * Returns the exit code for an exception that ended a command.
     *
     * <ul>
     *   <li>{@link CliException}: its own code;
     *   <li>{@link UnableToAcquireLockException}, {@link DatabaseAccessException}, and anything caused by a lost
     *       connection (SQL state class {@code 08}): {@link ExitCodes#DATABASE_UNAVAILABLE};
     *   <li>any other {@link GodwitException} (configuration, registries, an unsupported database, the tracking
     *       table): {@link ExitCodes#USAGE};
     *   <li>anything else, which is a bug: {@link ExitCodes#MIGRATION_FAILED}.
     * </ul>
     *
     * @param failure the exception
     * @return the exit code
     */
    public static int exitCode(Throwable failure) {
        if (failure instanceof CliException cli) {
            return cli.exitCode();
        }
        if (failure instanceof UnableToAcquireLockException
                || failure instanceof DatabaseAccessException
                || lostConnection(failure)) {
            return ExitCodes.DATABASE_UNAVAILABLE;
        }
        if (failure instanceof GodwitException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.MIGRATION_FAILED;
    }

    /**
     * Returns the one line that describes an exception that ended a command: its message with line breaks folded;
     * for an exception that is not Godwit's own, its class too, and that it is unexpected.
     *
     * @param failure the exception
     * @return the line, without the {@code godwit: error:} prefix
     */
    public static String describe(Throwable failure) {
        if (failure instanceof CliException || failure instanceof GodwitException) {
            return oneLine(String.valueOf(failure.getMessage()));
        }
        return "Unexpected " + oneLine(failure.toString())
                + " (run with --verbose for the stack trace, and please report it)";
    }

    /**
     * Returns the first line of a message, or the whole text if it has only one.
     *
     * @param message a message, possibly {@code null}
     * @return its first line
     */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        return message.strip().lines().findFirst().orElse("");
    }

    /**
     * Folds a multi-line message into one line, each line break with its surrounding blanks becoming one space.
     *
     * @param message the message
     * @return the message on one line
     */
    public static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static boolean lostConnection(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
