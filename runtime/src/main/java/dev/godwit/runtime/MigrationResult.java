package dev.godwit.runtime;

import java.time.Duration;
import java.time.Instant;
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
        ALREADY_APPLIED
    }

    private final MigrationDefinition definition;
    private final Outcome outcome;
    private final Instant executedAt;
    private final Duration duration;
    private final Throwable error;

    private MigrationResult(
            MigrationDefinition definition, Outcome outcome, Instant executedAt, Duration duration, Throwable error) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.outcome = outcome;
        this.executedAt = Objects.requireNonNull(executedAt, "executedAt");
        this.duration = Objects.requireNonNull(duration, "duration");
        this.error = error;
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
     * Returns what the migration threw, for a migration that failed in this run.
     *
     * @return the exception for {@link Outcome#FAILED}; empty otherwise
     */
    public Optional<Throwable> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return id() + " " + outcome + " at " + executedAt + " in " + duration.toMillis() + " ms"
                + (error == null ? "" : ": " + error);
    }
}
