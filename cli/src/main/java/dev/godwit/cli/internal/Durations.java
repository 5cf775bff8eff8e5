package dev.godwit.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations for people: printed as {@code 840 ms}, {@code 12.3 s}, {@code 4 min 05 s}; read as {@code 30s}. */
public final class Durations {

    /** A whole number and a unit: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 10min}, {@code 1h}. */
    private static final Pattern AMOUNT = Pattern.compile("(\\d{1,9}) ?(ms|s|m|min|h)", Pattern.CASE_INSENSITIVE);

    private Durations() {}

    /**
     * Parses a positive duration as a person writes it on a command line: a whole number with a unit ({@code 500ms},
     * {@code 30s}, {@code 10m} or {@code 10min}, {@code 1h}), or ISO-8601 ({@code PT1M30S}).
     *
     * @param text the text
     * @return the duration
     * @throws IllegalArgumentException for anything else, naming the forms accepted
     */
    public static Duration parse(String text) {
        String trimmed = text.strip();
        Matcher amount = AMOUNT.matcher(trimmed);
        Duration duration;
        if (amount.matches()) {
            ChronoUnit unit = switch (amount.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> ChronoUnit.MILLIS;
                case "s" -> ChronoUnit.SECONDS;
                case "m", "min" -> ChronoUnit.MINUTES;
                default -> ChronoUnit.HOURS;
            };
            duration = Duration.of(Long.parseLong(amount.group(1)), unit);
        } else {
            try {
                duration = Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        if (duration.isZero() || duration.isNegative()) {
            throw invalid(text);
        }
        return duration;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a positive duration: give a number and a unit, such as"
                        + " 500ms, 30s, 10m or 1h, or ISO-8601 such as PT1M30S");
    }

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
