package dev.godwit.runtime;

/**
 * Hears about a run as it happens, to show progress or to collect metrics; registered with
 * {@link MigrationRunner.Builder#listener(MigrationListener)}. Every method has a no-op default, so an implementation
 * overrides what it needs.
 *
 * <p>The runner calls listeners on the thread that runs the migrations, in the order they were registered.
 * {@link #beforeMigration} and {@link #afterMigration} are called for each migration the run attempts, in order,
 * while the migration's ID is in the {@link org.slf4j.MDC} under {@link MigrationRunner#MDC_KEY}; not for the
 * migrations that had already succeeded when the run read the tracking table, nor for expired interval migrations.
 * A migration that is held back because a prerequisite has not succeeded gets {@link #afterMigration} with {@link
 * MigrationResult.Outcome#BLOCKED} and no {@link #beforeMigration}, as nothing of it begins. {@link #progress} is
 * called between a migration's {@code beforeMigration} and {@code afterMigration}, whenever it reports progress.
 * {@link #afterRun} is called once at the end of {@link MigrationRunner#runAll()}. So a run with a failure and a
 * migration that depends on it hears:
 *
 * <pre>
 * beforeMigration(v4) afterMigration(v4 FAILED) afterMigration(v5 BLOCKED) beforeMigration(v6) ... afterRun
 * </pre>
 *
 * <p>When the run itself stops with a {@link GodwitException}, the calls that would have followed are not made.
 *
 * <p>A listener must not throw: an exception it throws is logged at WARN, naming the listener and the migration, and
 * otherwise ignored. It never fails a migration or stops the run.
 */
public interface MigrationListener {

    /**
     * Called before a migration's transaction begins.
     *
     * @param migration the migration about to run
     */
    default void beforeMigration(MigrationDefinition migration) {}

    /**
     * Called after a migration's transaction has ended: {@link MigrationResult.Outcome#APPLIED} or
     * {@link MigrationResult.Outcome#FAILED}, or {@link MigrationResult.Outcome#ALREADY_APPLIED} if another runner
     * applied it while this one waited for the lock; or, without a {@link #beforeMigration} call, {@link
     * MigrationResult.Outcome#BLOCKED} for a migration held back by its prerequisites.
     *
     * @param result what happened
     */
    default void afterMigration(MigrationResult result) {}

    /**
     * Called each time the running migration reports its progress through {@link MigrationContext#progress(long,
     * long)}, as often as it does: keep it cheap. The runner's own log of progress is throttled; this call is not.
     *
     * @param migration the running migration
     * @param done how much of the work is done, as the migration counts it
     * @param total how much work there is in all
     */
    default void progress(MigrationDefinition migration, long done, long total) {}

    /**
     * Called once at the end of a run, after its summary is logged.
     *
     * @param report the run's report, as {@link MigrationRunner#runAll()} returns it
     */
    default void afterRun(MigrationReport report) {}
}
