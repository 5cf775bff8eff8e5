package dev.godwit.runtime;

/**
 * Hears about a run as it happens, to show progress or to collect metrics; registered with
 * {@link MigrationRunner.Builder#listener(MigrationListener)}. Every method has a no-op default, so an implementation
 * overrides what it needs.
 *
 * <p>The runner calls listeners on the thread that runs the migrations, in the order they were registered.
 * {@link #beforeMigration} and {@link #afterMigration} are called for each migration the run attempts, in order,
 * while the migration's ID is in the {@link org.slf4j.MDC} under {@link MigrationRunner#MDC_KEY}; not for the
 * migrations that had already succeeded when the run read the tracking table. {@link #afterRun} is called once at the
 * end of {@link MigrationRunner#runAll()}. When the run itself stops with a {@link GodwitException}, the calls that
 * would have followed are not made.
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
     * applied it while this one waited for the lock.
     *
     * @param result what happened
     */
    default void afterMigration(MigrationResult result) {}

    /**
     * Called once at the end of a run, after its summary is logged.
     *
     * @param report the run's report, as {@link MigrationRunner#runAll()} returns it
     */
    default void afterRun(MigrationReport report) {}
}
