package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress one running migration reports through {@code MigrationContext.progress}: logged at a rate a log can
 * bear, and passed on to the listeners every time.
 */
public final class Progress {

    /** The least time between two logged reports, but for the first and the last. */
    public static final int LOG_INTERVAL_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final long LOG_INTERVAL_NANOS = LOG_INTERVAL_SECONDS * 1_000_000_000L;

    private final MigrationDefinition migration;
    private final Listeners listeners;
    private boolean logged;
    private long lastLogged;

    Progress(MigrationDefinition migration, Listeners listeners) {
        this.migration = migration;
        this.listeners = listeners;
    }

    void report(long done, long total) {
        if (done < 0 || total < 0) {
            throw new IllegalArgumentException("Migration " + migration.id() + " reported progress " + done + " of "
                    + total + "; both must be at least 0");
        }
        // Elapsed time, not the runner's clock: that one may be fixed (tests), and only the interval matters here.
        long now = System.nanoTime();
        if (!logged || done >= total || now - lastLogged >= LOG_INTERVAL_NANOS) {
            logged = true;
            lastLogged = now;
            LOG.info("Migration {}: {} of {} done ({}%)", migration.id(), done, total, percent(done, total));
        }
        listeners.progress(migration, done, total);
    }

    private static long percent(long done, long total) {
        return total == 0 ? 100 : Math.min(100, (long) (100.0 * done / total));
    }
}
