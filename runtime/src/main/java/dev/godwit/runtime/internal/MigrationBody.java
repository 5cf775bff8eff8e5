package dev.godwit.runtime.internal;

/**
 * What a migration does, run by {@link MigrationExecutor} inside the migration's transaction: a registry's method or
 * a SQL file's statements. Everything else about running a migration is the same for both.
 */
@FunctionalInterface
interface MigrationBody {

    /**
     * Runs the migration's work on {@code context.connection()}, or on {@code context.handle()}.
     *
     * @param context the running migration's context
     * @param instances the run's objects for instance migration methods
     * @throws Exception whatever the migration throws: its failure
     */
    void run(RunningMigrationContext context, Instances instances) throws Exception;
}
