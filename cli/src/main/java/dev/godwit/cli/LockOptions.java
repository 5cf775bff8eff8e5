package dev.godwit.cli;

import dev.godwit.cli.internal.Durations;
import dev.godwit.runtime.MigrationRunner;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The option that bounds how long a command that writes waits for another runner. */
final class LockOptions {

    /** {@link MigrationRunner#DEFAULT_LOCK_TIMEOUT}, as the option is written. */
    static final String DEFAULT = "10m";

    @Option(
            names = "--lock-timeout",
            paramLabel = "DURATION",
            converter = TimeoutConverter.class,
            description = {
                "How long to wait for a migration that another runner is running (on SQLite, for the database's"
                        + " write lock) before stopping with exit code 3: 500ms, 30s, 10m, 1h, or ISO-8601 such as"
                        + " PT1M30S. Set it above your longest migration.",
                "Default: " + DEFAULT + "."
            })
    Duration timeout;

    /**
     * Gives the runner the timeout, if the option was given; the runner's default otherwise.
     *
     * @param runner the runner's builder
     */
    void applyTo(MigrationRunner.Builder runner) {
        if (timeout != null) {
            runner.lockTimeout(timeout);
        }
    }

    /** Reads {@code --lock-timeout}. */
    static final class TimeoutConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration timeout;
            try {
                timeout = Durations.parse(value);
            } catch (IllegalArgumentException e) {
                // picocli prints a TypeConversionException's message as it is, and anything else's class name too.
                throw new TypeConversionException(e.getMessage());
            }
            // Checked here too, as the runner would name its Java option.
            if (timeout.compareTo(MigrationRunner.MAX_LOCK_TIMEOUT) > 0) {
                throw new TypeConversionException("'" + value + "' is longer than the databases can wait: at most "
                        + MigrationRunner.MAX_LOCK_TIMEOUT.toHours() + "h (" + MigrationRunner.MAX_LOCK_TIMEOUT.toDays()
                        + " days)");
            }
            return timeout;
        }
    }
}
