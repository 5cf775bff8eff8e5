package dev.godwit.runtime;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one {@link MigrationRunner#runAll() run} did: a {@link MigrationResult} for every migration it knows, in the
 * order they were considered (natural ID order), and how long the run took. Immutable.
 *
 * <p>A failed migration does not make the run throw: it is recorded and the run goes on. Callers that want to stop
 * on a failure call {@link #throwIfFailed()}:
 *
 * <pre>{@code
 * MigrationRunner.runAll(jdbi).throwIfFailed();
 * }</pre>
 *
 * <p>{@link #toString()} renders a table of the results, one line per migration, for logs and consoles.
 */
public final class MigrationReport {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_ERROR_WIDTH = 120;

    private final List<MigrationResult> results;
    private final Duration duration;
    /** The number of results of each outcome, by ordinal. */
    private final int[] counts = new int[MigrationResult.Outcome.values().length];

    private MigrationReport(List<MigrationResult> results, Duration duration) {
        this.results = List.copyOf(results);
        this.duration = Objects.requireNonNull(duration, "duration");
        // Counted once: every start asks whether anything failed and logs the summary, and most starts have nothing
        // but already applied results, which need no other pass.
        for (MigrationResult result : this.results) {
            counts[result.outcome().ordinal()]++;
        }
    }

    /**
     * Creates a report.
     *
     * @param results the results, in run order
     * @param duration how long the whole run took
     * @return the report
     */
    public static MigrationReport of(List<MigrationResult> results, Duration duration) {
        return new MigrationReport(results, duration);
    }

    /**
     * Returns the result of every migration, in the order the run considered them (natural ID order).
     *
     * @return all results; unmodifiable
     */
    public List<MigrationResult> results() {
        return results;
    }

    /**
     * Returns the migrations that ran and succeeded in this run.
     *
     * @return the {@link MigrationResult.Outcome#APPLIED} results, in run order
     */
    public List<MigrationResult> applied() {
        return withOutcome(MigrationResult.Outcome.APPLIED);
    }

    /**
     * Returns the migrations that ran and failed in this run.
     *
     * @return the {@link MigrationResult.Outcome#FAILED} results, in run order
     */
    public List<MigrationResult> failed() {
        return withOutcome(MigrationResult.Outcome.FAILED);
    }

    /**
     * Returns the migrations that had already succeeded and were not run.
     *
     * @return the {@link MigrationResult.Outcome#ALREADY_APPLIED} results, in run order
     */
    public List<MigrationResult> alreadyApplied() {
        return withOutcome(MigrationResult.Outcome.ALREADY_APPLIED);
    }

    /**
     * Returns the migrations held back because a prerequisite had not succeeded; they run on a later start.
     *
     * @return the {@link MigrationResult.Outcome#BLOCKED} results, in run order
     */
    public List<MigrationResult> blocked() {
        return withOutcome(MigrationResult.Outcome.BLOCKED);
    }

    /**
     * Returns the interval migrations whose threshold has passed, which were not run.
     *
     * @return the {@link MigrationResult.Outcome#EXPIRED} results, in run order
     */
    public List<MigrationResult> expired() {
        return withOutcome(MigrationResult.Outcome.EXPIRED);
    }

    /**
     * Returns whether any migration failed in this run.
     *
     * @return {@code true} if at least one result is {@link MigrationResult.Outcome#FAILED}
     */
    public boolean hasFailures() {
        return counts[MigrationResult.Outcome.FAILED.ordinal()] > 0;
    }

    /**
     * Returns how long the whole run took, from loading the registries to the last commit.
     *
     * @return the run's wall-clock duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Throws if any migration failed in this run; for callers that want a failed migration to stop the application.
     *
     * @return this report, if nothing failed
     * @throws MigrationFailedException naming every failed migration, with their exceptions as suppressed exceptions
     */
    public MigrationReport throwIfFailed() {
        List<MigrationResult> failed = failed();
        if (!failed.isEmpty()) {
            throw new MigrationFailedException(failed);
        }
        return this;
    }

    /**
     * Returns a one-line count of the outcomes: {@code 3 migrations in 41 ms: 1 applied, 1 failed, 1 already
     * applied}, followed by {@code , 1 blocked} and {@code , 1 expired} when there are such.
     *
     * @return the summary
     */
    public String summary() {
        int blocked = counts[MigrationResult.Outcome.BLOCKED.ordinal()];
        int expired = counts[MigrationResult.Outcome.EXPIRED.ordinal()];
        return results.size() + (results.size() == 1 ? " migration" : " migrations") + " in " + duration.toMillis()
                + " ms: " + counts[MigrationResult.Outcome.APPLIED.ordinal()] + " applied, "
                + counts[MigrationResult.Outcome.FAILED.ordinal()] + " failed, "
                + counts[MigrationResult.Outcome.ALREADY_APPLIED.ordinal()] + " already applied"
                + (blocked == 0 ? "" : ", " + blocked + " blocked")
                + (expired == 0 ? "" : ", " + expired + " expired");
    }

    /**
     * Returns a table of the results, one line per migration (ID, outcome, start time in UTC, duration, and the
     * error of a failure), followed by the {@linkplain #summary() summary}.
     */
    @Override
    public String toString() {
        int idWidth =
                results.stream().mapToInt(result -> result.id().length()).max().orElse(0);
        String format = "%-" + Math.max(idWidth, 2) + "s  %-15s  %-24s  %10s%s%n";
        StringBuilder table = new StringBuilder();
        table.append(String.format(format, "ID", "OUTCOME", "EXECUTED AT", "DURATION", "  ERROR"));
        for (MigrationResult result : results) {
            table.append(String.format(
                    format,
                    result.id(),
                    result.outcome(),
                    TIME.format(result.executedAt()),
                    result.duration().toMillis() + " ms",
                    result.error()
                            .map(error -> "  " + abbreviate(error))
                            .or(() -> result.blockedReason().map(reason -> "  " + reason))
                            .orElse("")));
        }
        return table.append(summary()).toString();
    }

    private List<MigrationResult> withOutcome(MigrationResult.Outcome outcome) {
        if (counts[outcome.ordinal()] == 0) {
            return List.of();
        }
        return results.stream().filter(result -> result.outcome() == outcome).collect(Collectors.toUnmodifiableList());
    }

    private static String abbreviate(Throwable error) {
        String text = error.toString().lines().findFirst().orElse("");
        return text.length() <= MAX_ERROR_WIDTH ? text : text.substring(0, MAX_ERROR_WIDTH - 3) + "...";
    }
}
