package dev.godwit.runtime.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** The text of a migration's failure as the tracking table's {@code error} column keeps it. */
final class ErrorText {

    /** Long enough for a chain of JDBC messages with their SQL; short enough to read in a query result. */
    static final int MAX_LENGTH = 4000;

    private static final String TRUNCATED = "... (truncated)";

    private ErrorText() {}

    /**
     * Returns the exception's class and message, then each cause's on a line of its own ({@code Caused by: ...}),
     * cut at {@link #MAX_LENGTH} characters. No stack traces: they are in the log.
     */
    static String of(Throwable error) {
        StringBuilder text = new StringBuilder(error.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(error);
        for (Throwable cause = error.getCause(); cause != null && seen.add(cause); cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause);
        }
        if (text.length() > MAX_LENGTH) {
            text.setLength(MAX_LENGTH - TRUNCATED.length());
            text.append(TRUNCATED);
        }
        return text.toString();
    }
}
