package dev.godwit.cli.internal;

import java.time.Duration;
import java.util.Locale;

/** Durations for people: {@code 840 ms}, {@code 12.3 s}, {@code 4 min 05 s}. */
public final class Durations {

    private Durations() {}

    /**
     * Formats a duration.
     *
     * @param duration the duration
     * @return milliseconds below a second, tenths of seconds below a minute, minutes and seconds above
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.getSeconds();
        return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
}
