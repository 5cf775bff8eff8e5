package dev.godwit.cli.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Configures logging for one command, before the first logger is created: slf4j-simple (bundled in the
 * self-contained jar) through its system properties, and {@code java.util.logging}, which the PostgreSQL driver
 * uses. A property the user set ({@code -Dorg.slf4j.simpleLogger...}) is left as it is.
 *
 * <p>The runner's own log ({@code dev.godwit.runtime}) is off by default: the command prints every outcome itself, and
 * the runner logs a failed migration with its stack trace. Migrations' own loggers ({@code dev.godwit.migration.<id>})
 * and everything else log warnings and errors.
 */
public final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    /**
     * Keeps a strong reference: {@code java.util.logging} holds its loggers weakly and would forget the level set on
     * one that nothing else references yet.
     */
    private static Logger postgresLogger;

    private Logging() {}

    /**
     * Sets the log levels.
     *
     * @param verbosity 0 by default: warnings; 1 ({@code -v}): INFO, the runner's log included; 2 or more
     *     ({@code -vv}): DEBUG for Godwit, INFO for the rest
     */
    public static synchronized void configure(int verbosity) {
        String godwit = verbosity == 0 ? "off" : verbosity == 1 ? "info" : "debug";
        setIfAbsent("logFile", "System.err");
        setIfAbsent("defaultLogLevel", verbosity == 0 ? "warn" : "info");
        setIfAbsent("log.dev.godwit.runtime", godwit);
        setIfAbsent("log.dev.godwit.migration", verbosity >= 2 ? "debug" : verbosity == 1 ? "info" : "warn");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("levelInBrackets", "true");
        if (System.getProperty("java.util.logging.config.file") == null) {
            postgresLogger = Logger.getLogger("org.postgresql");
            // The driver logs failed connections itself; the command reports them in one line.
            postgresLogger.setLevel(verbosity == 0 ? Level.OFF : verbosity == 1 ? Level.INFO : Level.FINE);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
