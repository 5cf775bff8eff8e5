package dev.godwit.runtime.internal.database;

import static dev.godwit.runtime.internal.database.Digits.isDigit;
import static dev.godwit.runtime.internal.database.Digits.number;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Parses PostgreSQL's text of a {@code timestamptz}: {@code 2026-12-07 04:25:32.123+00}, with one to six digits of
 * fraction or none, and the session's offset in hours, hours and minutes, or hours, minutes and seconds
 * ({@code +05:30}, {@code -00:53:28}). pgjdbc sets {@code DateStyle} to {@code ISO} on every connection and refuses
 * to go on if it is changed, so this is the form the server sends.
 *
 * <p>By hand: a start reads every row's timestamp, and the driver's parsing into an {@code OffsetDateTime} was a fifth
 * of a start with nothing pending; having the server compute epoch milliseconds instead ({@code date_part('epoch',
 * executed_at)}) cost about a millisecond for a thousand rows, a fifteenth of a warm start. Only this one form is
 * parsed here; anything else (a year before 1 or after 9999, {@code infinity}, the driver's text of a value it received
 * in binary, should that ever differ) is left to the driver. The calendar is {@link LocalDate}'s.
 */
final class PostgresTimestamps {

    private PostgresTimestamps() {}

    /** The shortest text of the form: {@code 2026-12-07 04:25:32+00}. */
    private static final int SHORTEST = 22;

    /**
     * Returns the instant of a text in the form, or {@code null} if it is not in it.
     *
     * @param text the column's text, or {@code null}
     * @return the instant, or {@code null}
     */
    static Instant parse(String text) {
        if (text == null
                || text.length() < SHORTEST
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != ' '
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            // Not a date (month 13, February 30): the driver reports it.
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int digits = 0;
            position++;
            while (position < text.length() && isDigit(text.charAt(position)) && digits < 9) {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                position++;
                digits++;
            }
            if (digits == 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds = offsetSeconds(text, position);
        if (offsetSeconds == NOT_AN_OFFSET) {
            return null;
        }
        long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** What {@link #offsetSeconds} returns for a text whose end is not an offset. */
    private static final int NOT_AN_OFFSET = Integer.MIN_VALUE;

    /** The offset that ends the text from {@code position}: {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}. */
    private static int offsetSeconds(String text, int position) {
        int remaining = text.length() - position;
        if (remaining != 3 && remaining != 6 && remaining != 9) {
            return NOT_AN_OFFSET;
        }
        char sign = text.charAt(position);
        if (sign != '+' && sign != '-') {
            return NOT_AN_OFFSET;
        }
        int seconds = 0;
        for (int field = 0, at = position + 1; at < text.length(); field++, at += 3) {
            if (field > 0 && text.charAt(at - 1) != ':') {
                return NOT_AN_OFFSET;
            }
            int value = number(text, at, 2);
            if (value < 0 || (field > 0 && value > 59)) {
                return NOT_AN_OFFSET;
            }
            seconds = seconds * 60 + value;
        }
        for (int field = (remaining - 3) / 3; field < 2; field++) {
            seconds *= 60;
        }
        // java.time's limit on an offset; PostgreSQL's own is wider, but no zone has one this large.
        if (seconds > 18 * 3_600) {
            return NOT_AN_OFFSET;
        }
        return sign == '-' ? -seconds : seconds;
    }
}
