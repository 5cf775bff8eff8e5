package dev.godwit.cli.internal;

import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationListener;
import dev.godwit.runtime.MigrationResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a line for each migration as it finishes: {@code applied      12 ms  v1_create_books}. On a terminal it also
 * shows which migration is running and for how long, on a line that a daemon timer rewrites in place and that
 * disappears when the migration ends; elsewhere (a pipe, a log collector) the output stays one line per migration.
 */
public final class MigrationProgress implements MigrationListener, AutoCloseable {

    private static final long REFRESH_MILLIS = 100;
    /** Keeps the live line on one row of a standard terminal; {@code \r} cannot go back over a wrapped line. */
    private static final int MAX_LIVE_WIDTH = 79;

    private final PrintStream out;
    private final ScheduledExecutorService timer;
    private String running;
    /** What the running migration last said of its progress ({@code MigrationContext.progress}); empty if nothing. */
    private String progress = "";

    private long startNanos;
    private int shownWidth;

    /**
     * Creates the listener.
     *
     * @param out where to print
     * @param live whether {@code out} is a terminal, to show the running migration
     */
    public MigrationProgress(PrintStream out, boolean live) {
        this.out = out;
        if (live) {
            timer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "godwit-progress");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleAtFixedRate(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        } else {
            timer = null;
        }
    }

    @Override
    public synchronized void beforeMigration(MigrationDefinition migration) {
        running = migration.id();
        progress = "";
        startNanos = System.nanoTime();
        refresh();
    }

    @Override
    public synchronized void progress(MigrationDefinition migration, long done, long total) {
        progress = total > 0 ? String.format(Locale.ROOT, " (%d/%d, %d%%)", done, total, done * 100 / total) : "";
    }

    @Override
    public synchronized void afterMigration(MigrationResult result) {
        progress = "";
        running = null;
        clear();
        out.println(line(result));
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        running = null;
        clear();
    }

    /**
     * Returns the line printed for a migration that ran: outcome, duration and ID, then the first line of the error
     * of a failure. The fixed-width columns come first, so that lines printed one by one align.
     *
     * @param result the migration's result
     * @return the line, without a line break
     */
    public static String line(MigrationResult result) {
        String outcome = switch (result.outcome()) {
            case APPLIED -> "applied";
            case FAILED -> "FAILED";
            case ALREADY_APPLIED -> "already";
            case BLOCKED -> "BLOCKED";
            case EXPIRED -> "expired";
        };
        return String.format(
                Locale.ROOT,
                "%-8s %9s  %s%s",
                outcome,
                Durations.format(result.duration()),
                result.id(),
                result.error()
                        .map(error -> ": " + Failures.firstLine(error.toString()))
                        .orElse(
                                result.blockedBy().isEmpty()
                                        ? ""
                                        : ": held back until " + String.join(", ", result.blockedBy()) + " succeed"));
    }

    private synchronized void refresh() {
        if (timer == null || running == null) {
            return;
        }
        String text = "running " + running + " for "
                + Durations.format(Duration.ofNanos(System.nanoTime() - startNanos)) + progress;
        if (text.length() > MAX_LIVE_WIDTH) {
            text = text.substring(0, MAX_LIVE_WIDTH - 3) + "...";
        }
        out.print("\r" + text + " ".repeat(Math.max(0, shownWidth - text.length())));
        out.flush();
        shownWidth = text.length();
    }

    private void clear() {
        if (shownWidth > 0) {
            out.print("\r" + " ".repeat(shownWidth) + "\r");
            out.flush();
            shownWidth = 0;
        }
    }
}
