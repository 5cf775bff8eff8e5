package dev.godwit.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one migration in a run: its {@link Outcome}, when it was executed and how long it took, and the
 * error if it failed. Immutable; part of a {@link MigrationReport}.
 */
public final class MigrationResult {

    /** What a run did with a migration. */
    public enum Outcome {
        /** The migration ran in this run and succeeded; its changes and its {@code success} record are committed. */
        APPLIED,
        /**
         * The migration ran in this run and threw; its changes were rolled back, a {@code failed} record was written,
         * and it runs again on the next start.
         */
        FAILED,
        /**
         * The migration had already succeeded, in an earlier run or in another runner while this one waited for the
         * lock; it was not run.
         */
        ALREADY_APPLIED,
        /**
         * The migration was held back, not run, because a prerequisite ({@code @Migration(after = ...)}) had not
         * succeeded: it failed, has never run, or was itself held back. Nothing was written; the migration runs on a
         * later start once its prerequisites have succeeded. {@link MigrationResult#blockedBy()} names them.
         */
        BLOCKED,
        /**
         * An interval migration ({@code @Migration(runUntil = ...)}) whose threshold has passed: it was not run, and
         * never runs again.
         */
        EXPIRED
    }

    private final MigrationDefinition definition;
    private final Outcome outcome;
    private final Instant executedAt;
    private final Duration duration;
    private final Throwable error;
    private final List<String> blockedBy;

    private MigrationResult(
            MigrationDefinition definition, Outcome outcome, Instant executedAt, Duration duration, Throwable error) {
        this(definition, outcome, executedAt, duration, error, List.of());
    }

    private MigrationResult(
            MigrationDefinition definition,
            Outcome outcome,
            Instant executedAt,
            Duration duration,
            Throwable error,
            List<String> blockedBy) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.outcome = outcome;
        this.executedAt = Objects.requireNonNull(executedAt, "executedAt");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.error = error;
        this.blockedBy = List.copyOf(blockedBy);
    }

    /**
     * Describes a migration that ran in this run and succeeded.
     *
     * @param definition the migration
     * @param executedAt when it started
     * @param duration how long its body took
     * @return the result
     */
    public static MigrationResult applied(MigrationDefinition definition, Instant executedAt, Duration duration) {
        return new MigrationResult(definition, Outcome.APPLIED, executedAt, duration, null);
    }

    /**
     * Describes a migration that ran in this run and threw.
     *
     * @param definition the migration
     * @param executedAt when it started
     * @param duration how long its body took until it threw
     * @param error what it threw
     * @return the result
     */
    public static MigrationResult failed(
            MigrationDefinition definition, Instant executedAt, Duration duration, Throwable error) {
        return new MigrationResult(
                definition, Outcome.FAILED, executedAt, duration, Objects.requireNonNull(error, "error"));
    }

    /**
     * Describes a migration that had already succeeded and was not run.
     *
     * @param definition the migration
     * @param executedAt when it ran, as recorded in the tracking table
     * @param duration how long it took then, as recorded in the tracking table
     * @return the result
     */
    public static MigrationResult alreadyApplied(
            MigrationDefinition definition, Instant executedAt, Duration duration) {
        return new MigrationResult(definition, Outcome.ALREADY_APPLIED, executedAt, duration, null);
    }

    /**
     * Describes a migration held back because prerequisites have not succeeded.
     *
     * @param definition the migration
     * @param consideredAt when the run came to it
     * @param prerequisites the IDs of the prerequisites that have not succeeded, in the order declared; not empty
     * @return the result, with a zero duration
     * @throws IllegalArgumentException if {@code prerequisites} is empty
     */
    public static MigrationResult blocked(
            MigrationDefinition definition, Instant consideredAt, List<String> prerequisites) {
        if (prerequisites.isEmpty()) {
            throw new IllegalArgumentException(
                    "A blocked migration needs a prerequisite that holds it back: " + definition.id());
        }
        return new MigrationResult(definition, Outcome.BLOCKED, consideredAt, Duration.ZERO, null, prerequisites);
    }

    /**
     * Describes an interval migration whose threshold has passed, which was not run.
     *
     * @param definition the migration
     * @param executedAt when it last ran, as recorded in the tracking table, or when the run came to it if it never
     *     ran
     * @param duration how long it took then, or zero
     * @return the result
     */
    public static MigrationResult expired(MigrationDefinition definition, Instant executedAt, Duration duration) {
        return new MigrationResult(definition, Outcome.EXPIRED, executedAt, duration, null);
    }

    /**
     * Returns the migration ID.
     *
     * @return the ID
     */
    public String id() {
        return definition.id();
    }

    /**
     * Returns where the migration is declared, as {@link MigrationDefinition#source()}.
     *
     * @return the source, {@code com.example.Outer#method} for a method
     */
    public String source() {
        return definition.source();
    }

    /**
     * Returns what the run did with the migration.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Returns when the migration started: in this run for {@link Outcome#APPLIED} and {@link Outcome#FAILED}, as
     * recorded in the tracking table for {@link Outcome#ALREADY_APPLIED}. Millisecond precision, the precision the
     * tracking table keeps.
     *
     * @return the start time
     */
    public Instant executedAt() {
        return executedAt;
    }

    /**
     * Returns how long the migration's body took: in this run for {@link Outcome#APPLIED} and {@link Outcome#FAILED},
     * as recorded in the tracking table for {@link Outcome#ALREADY_APPLIED}.
     *
     * @return the duration
     */
    public Duration duration() {
        return duration;
    }

    /**
     * Returns what the migration threw, for a migration that failed in this run; for a body that returned normally in
     * a transaction the database had aborted (PostgreSQL, after a failed statement whose exception the body caught),
     * an {@link IllegalStateException} of the runner's that says so.
     *
     * @return the exception for {@link Outcome#FAILED}; empty otherwise
     */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    /**
     * Returns the prerequisites that held a {@link Outcome#BLOCKED} migration back.
     *
     * @return the IDs of the prerequisites that had not succeeded, in the order declared; empty for other outcomes
     */
    public List<String> blockedBy() {
        return blockedBy;
    }

    /**
     * Returns why a {@link Outcome#BLOCKED} migration was held back, for messages: {@code held back until
     * v4_add_isbn_column succeeds}.
     *
     * @return the reason; empty for other outcomes
     */
    public Optional<String> blockedReason() {
        if (blockedBy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("held back until " + String.join(" and ", blockedBy)
                + (blockedBy.size() == 1 ? " succeeds" : " succeed"));
    }

    @Override
    public String toString() {
        return id() + " " + outcome + " at " + executedAt + " in " + duration.toMillis() + " ms"
                + (error == null ? "" : ": " + error)
                + blockedReason().map(reason -> ": " + reason).orElse("");
    }
}
