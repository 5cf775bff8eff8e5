package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.UnableToAcquireLockException;
import dev.godwit.runtime.internal.database.DatabaseSupport;
import dev.godwit.runtime.internal.database.TrackingRow;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one pending migration in a transaction of its own: lock, re-read, savepoint, body, record. The body's changes
 * and its record commit together or not at all, and the lock ends with the transaction.
 */
final class MigrationExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);
    private static final String SAVEPOINT = "godwit_migration";

    private final Jdbi jdbi;
    private final Handle handle;
    private final DatabaseSupport database;
    private final TrackingTable tracking;
    private final Instances instances;
    private final Listeners listeners;
    private final Clock clock;

    MigrationExecutor(
            Jdbi jdbi,
            Handle handle,
            DatabaseSupport database,
            TrackingTable tracking,
            Instances instances,
            Listeners listeners,
            Clock clock) {
        this.jdbi = jdbi;
        this.handle = handle;
        this.database = database;
        this.tracking = tracking;
        this.instances = instances;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Runs the migration unless another runner has made it succeed, and records the outcome. The listeners hear
     * about it before and after, with the migration's ID in the MDC.
     *
     * @param migration the migration
     * @param evenIfSucceeded {@code true} for an active interval migration, which runs although its row says
     *     {@code success}; {@code false} skips a migration that another runner made succeed
     * @return {@code APPLIED}, {@code FAILED}, or {@code ALREADY_APPLIED} if another runner got there first
     * @throws dev.godwit.runtime.GodwitException if the runner, not the migration, failed: nothing is committed
     */
    MigrationResult execute(PlannedMigration migration, boolean evenIfSucceeded) {
        String outerMdc = MDC.get(MigrationRunner.MDC_KEY);
        MDC.put(MigrationRunner.MDC_KEY, migration.id());
        try {
            listeners.beforeMigration(migration.definition());
            MigrationResult result = inTransaction(migration, evenIfSucceeded);
            log(result);
            listeners.afterMigration(result);
            return result;
        } finally {
            if (outerMdc == null) {
                MDC.remove(MigrationRunner.MDC_KEY);
            } else {
                MDC.put(MigrationRunner.MDC_KEY, outerMdc);
            }
        }
    }

    private MigrationResult inTransaction(PlannedMigration migration, boolean evenIfSucceeded) {
        try {
            return handle.inTransaction(transaction -> attempt(transaction, migration, evenIfSucceeded));
        } catch (JdbiException e) {
            // Everything inside the transaction throws GodwitExceptions; what is left is its begin or commit.
            throw new DatabaseAccessException(
                    "Could not begin or commit the transaction of migration " + migration.id() + ": " + e.getMessage()
                            + ". Nothing of it is committed; it runs again on the next start.",
                    e);
        }
    }

    private MigrationResult attempt(Handle transaction, PlannedMigration migration, boolean evenIfSucceeded) {
        String id = migration.id();
        lock(transaction, id);
        Optional<TrackingRow> current = tracking.read(transaction, id);
        if (!evenIfSucceeded && current.isPresent() && current.get().status() == TrackingRow.Status.SUCCESS) {
            return MigrationResult.alreadyApplied(
                    migration.definition(),
                    current.get().executedAt(),
                    current.get().executionTime());
        }
        savepoint(transaction, id);
        Instant executedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long start = System.nanoTime();
        Throwable failure = runBody(transaction, migration);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        String checksum = migration.definition().checksum().orElse(null);
        if (failure == null) {
            tracking.write(transaction, TrackingRow.success(id, executedAt, duration, checksum));
            return MigrationResult.applied(migration.definition(), executedAt, duration);
        }
        rollbackToSavepoint(transaction, id, failure);
        tracking.write(transaction, TrackingRow.failed(id, executedAt, duration, ErrorText.of(failure), checksum));
        return MigrationResult.failed(migration.definition(), executedAt, duration, failure);
    }

    private void lock(Handle transaction, String id) {
        try {
            database.lock().acquire(transaction);
        } catch (JdbiException e) {
            throw new UnableToAcquireLockException(
                    id,
                    "Could not take the " + database.lock().description() + " to run migration " + id + ": "
                            + e.getMessage() + ". The migration has not run; it runs on the next start.",
                    e);
        }
    }

    private void savepoint(Handle transaction, String id) {
        try {
            transaction.savepoint(SAVEPOINT);
        } catch (JdbiException e) {
            throw new DatabaseAccessException(
                    "Could not set a savepoint before migration " + id + ": " + e.getMessage()
                            + ". The migration has not run; it runs on the next start.",
                    e);
        }
    }

    private void rollbackToSavepoint(Handle transaction, String id, Throwable failure) {
        try {
            transaction.rollbackToSavepoint(SAVEPOINT);
        } catch (JdbiException e) {
            e.addSuppressed(failure);
            throw new DatabaseAccessException(
                    "Could not roll back migration " + id + " to its savepoint after it failed: " + e.getMessage()
                            + ". Its transaction is rolled back instead, so its failure is not recorded; it runs"
                            + " again on the next start. A migration must not commit or roll back its handle.",
                    e);
        }
    }

    /** Returns what the body threw, or {@code null} if it returned. */
    private Throwable runBody(Handle transaction, PlannedMigration migration) {
        RunningMigrationContext context = new RunningMigrationContext(
                migration.id(),
                database.kind(),
                transaction,
                jdbi,
                LoggerFactory.getLogger("dev.godwit.migration." + migration.id()),
                new Progress(migration.definition(), listeners));
        try {
            migration.body().run(context, instances);
            return null;
        } catch (VirtualMachineError e) {
            // Out of memory or stack: recording it may well fail too. The transaction rolls back and the error
            // goes up; the migration runs again on the next start.
            throw e;
        } catch (Throwable e) {
            // Any other Error, a NoClassDefFoundError or an ExceptionInInitializerError of the migration's class,
            // is as much the migration's failure as an exception.
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return e;
        }
    }

    private static void log(MigrationResult result) {
        long millis = result.duration().toMillis();
        switch (result.outcome()) {
            case APPLIED -> LOG.info("Applied migration {} in {} ms", result.id(), millis);
            case FAILED ->
                LOG.error(
                        "Migration {} failed after {} ms; its changes are rolled back and it is recorded as failed, to run"
                                + " again on the next start",
                        result.id(),
                        millis,
                        result.error().orElse(null));
            case ALREADY_APPLIED ->
                LOG.debug(
                        "Migration {} was applied by another runner at {} while this one waited for the lock; skipped",
                        result.id(),
                        result.executedAt());
        }
    }
}
