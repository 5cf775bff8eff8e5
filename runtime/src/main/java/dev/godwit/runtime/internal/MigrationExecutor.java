package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.DatabaseKind;
import dev.godwit.runtime.GodwitException;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.TrackingTableException;
import dev.godwit.runtime.UnableToAcquireLockException;
import dev.godwit.runtime.internal.database.MigrationClaim;
import dev.godwit.runtime.internal.database.TrackingRow;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one pending migration at a time, and records its outcome.
 *
 * <p>A transactional migration runs in a transaction of its own: claim its tracking row (the first statement, which
 * waits while another runner holds the claim, see {@link MigrationClaim}), body, commit. The claim writes the row as a
 * success, so the body's changes and their record commit together or not at all, and the claim ends with the
 * transaction. A body that throws, or returns in a transaction that the database has aborted ({@link
 * MigrationClaim#isAborted}), rolls the whole transaction back; its failure is recorded in a second transaction
 * that claims the row again, and is not recorded if another runner has made the migration succeed in between. (A
 * savepoint would record the failure in the first transaction, at the price of one more statement for every migration
 * that succeeds.)
 *
 * <p>The claim cannot know how long the body will take, so it writes a duration of zero; the durations of the
 * migrations that succeeded are written afterwards, all in one statement, when the run ends or every {@value
 * #DURATIONS_PER_WRITE} successes. That saves a statement per migration, a fifth of applying a trivial one on
 * PostgreSQL, against the loss of the durations (not the outcomes) of a run that stops on an error or is killed in
 * between.
 *
 * <p>A non-transactional migration's body runs on the runner's connection in auto-commit mode. Where the database
 * allows ({@link MigrationClaim#holdsBesideTheBody()}: PostgreSQL), a transaction on a second connection holds a lock
 * that keeps non-transactional migrations apart while the body runs (taken by polling, see {@link
 * MigrationClaim#reserve}), and then claims the row to record the outcome. On SQLite the row is read again before the
 * body and claimed after it: nothing keeps two runners from running the body at the same time.
 */
final class MigrationExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    /** The most successes whose durations wait to be written: bounds the memory they take and what a crash loses. */
    static final int DURATIONS_PER_WRITE = 1000;

    private final RunnerConnection connection;
    private final DatabaseKind kind;
    private final TrackingTable tracking;
    private final MigrationClaim claim;
    private final Instances instances;
    private final Listeners listeners;
    private final Clock clock;
    private boolean rerunSucceeded;
    private boolean prepared;
    /** Successes committed with a duration of zero, whose durations are still to be written. */
    private final List<TrackingRow> unrecordedDurations = new ArrayList<>();
    /** The second connection, which holds the claim of a non-transactional migration while its body runs. */
    private RunnerConnection claimConnection;

    MigrationExecutor(
            RunnerConnection connection,
            DatabaseKind kind,
            TrackingTable tracking,
            MigrationClaim claim,
            Instances instances,
            Listeners listeners,
            Clock clock) {
        this.connection = connection;
        this.kind = kind;
        this.tracking = tracking;
        this.claim = claim;
        this.instances = instances;
        this.listeners = listeners;
        this.clock = clock;
    }

    /**
     * Runs the migration unless another runner has made it succeed, and records the outcome. The listeners hear
     * about it before and after, with the migration's ID in the MDC.
     *
     * @param migration the migration
     * @param rerunSucceeded whether to run it even if its row records a success: an active interval migration
     * @return {@code APPLIED}, {@code FAILED}, or {@code ALREADY_APPLIED} if another runner got there first
     * @throws dev.godwit.runtime.GodwitException if the runner, not the migration, failed: nothing is committed
     */
    MigrationResult execute(PlannedMigration migration, boolean rerunSucceeded) {
        String outerMdc = MDC.get(MigrationRunner.MDC_KEY);
        MDC.put(MigrationRunner.MDC_KEY, migration.id());
        // Read by every claim of this migration (its run, its failure record, the non-transactional paths): one
        // migration at a time runs on an executor.
        this.rerunSucceeded = rerunSucceeded;
        try {
            listeners.beforeMigration(migration.definition());
            prepare();
            MigrationResult result;
            if (migration.definition().transactional()) {
                result = inTransaction(migration);
            } else if (claim.holdsBesideTheBody()) {
                result = besideClaim(migration);
            } else {
                result = claimedAfter(migration);
            }
            log(result, migration.definition().transactional());
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

    /** Undoes what the run changed on the runner's connection, and closes the second connection if one was opened. */
    @Override
    public void close() {
        try {
            if (!unrecordedDurations.isEmpty()) {
                // Not written on the way out of a run that failed: the connection may be in a transaction that must
                // not commit, or wait again for the lock that made the run fail.
                LOG.debug(
                        "The durations of {} migrations are not written: the run stopped", unrecordedDurations.size());
                unrecordedDurations.clear();
            }
            if (prepared) {
                prepared = false;
                claim.release(connection.connection());
            }
        } catch (SQLException e) {
            LOG.warn("Could not restore the settings of the runner's connection: {}", e.getMessage(), e);
        } finally {
            if (claimConnection != null) {
                try {
                    claimConnection.close();
                } catch (GodwitException e) {
                    LOG.warn("Could not close the runner's second connection: {}", e.getMessage(), e);
                }
                claimConnection = null;
            }
        }
    }

    /** Ends a run that went through: writes the durations still to be written. */
    void finish() {
        recordDurations();
    }

    /**
     * Writes the durations of the successes committed since the last write, in one transaction. A failure here loses
     * only durations: the outcomes are committed. So it is logged, not thrown.
     */
    private void recordDurations() {
        if (unrecordedDurations.isEmpty()) {
            return;
        }
        List<TrackingRow> rows = List.copyOf(unrecordedDurations);
        unrecordedDurations.clear();
        try {
            connection.inTransaction(transaction -> {
                tracking.recordDurations(transaction, rows);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not record how long migrations {} to {} took; the tracking table says 0 ms for them: {}",
                    rows.get(0).id(),
                    rows.get(rows.size() - 1).id(),
                    e.getMessage(),
                    e);
        }
    }

    /** Learns or sets, once per run and only when something is pending, what the claims depend on. */
    private void prepare() {
        if (prepared) {
            return;
        }
        try {
            claim.prepare(connection.connection());
        } catch (SQLException e) {
            throw new DatabaseAccessException(
                    "Could not prepare the runner's connection for its first pending migration: " + e.getMessage()
                            + ". Nothing more has run.",
                    e);
        }
        prepared = true;
    }

    private MigrationResult inTransaction(PlannedMigration migration) {
        String id = migration.id();
        Instant executedAt = now();
        String checksum = migration.definition().checksum().orElse(null);
        try {
            MigrationResult result = transaction(connection, id, transaction -> {
                if (!claim(transaction, id, TrackingRow.claimed(id, executedAt, checksum))) {
                    return alreadyApplied(transaction, migration);
                }
                long start = System.nanoTime();
                Throwable failure = runBody(transaction, migration);
                Duration duration = Duration.ofNanos(System.nanoTime() - start);
                if (failure == null) {
                    failure = abortedTransaction(transaction, id);
                }
                if (failure != null) {
                    throw new BodyFailed(failure, duration);
                }
                return MigrationResult.applied(migration.definition(), executedAt, duration);
            });
            if (result.outcome() == MigrationResult.Outcome.APPLIED) {
                unrecordedDurations.add(TrackingRow.success(id, executedAt, result.duration(), checksum));
                if (unrecordedDurations.size() >= DURATIONS_PER_WRITE) {
                    recordDurations();
                }
            }
            return result;
        } catch (BodyFailed body) {
            // The transaction is rolled back: the body's changes and the claim are gone.
            TrackingRow failed =
                    TrackingRow.failed(id, executedAt, body.duration, ErrorText.of(body.failure), checksum);
            if (!transaction(connection, id, transaction -> claim(transaction, id, failed))) {
                // Or the body committed the runner's transaction itself, the claim's success with it, before it threw:
                // a transactional migration must not. Nothing here tells that apart from another runner's success
                // for certain (the timestamps can be equal, with a fixed clock), so the row is left alone.
                LOG.debug("Migration {} failed, but another runner made it succeed meanwhile: not recorded", id);
            }
            return MigrationResult.failed(migration.definition(), executedAt, body.duration, body.failure);
        }
    }

    /**
     * The failure of a body that returned normally in a transaction that the database has aborted, or {@code null}.
     * Such a body caught the exception of a failed statement; committing would roll back all it did, the claim's
     * {@code success} with it, and PostgreSQL's driver would report the commit as done.
     *
     * @throws DatabaseAccessException if the database cannot tell; the transaction then rolls back and the run ends
     */
    private Throwable abortedTransaction(Connection transaction, String id) {
        try {
            if (!claim.isAborted(transaction)) {
                return null;
            }
        } catch (SQLException e) {
            throw new DatabaseAccessException(
                    "Could not tell whether the transaction of migration " + id + " can be committed: " + e.getMessage()
                            + ". Nothing of it is committed; it runs on the next start.",
                    e);
        }
        return new IllegalStateException("Migration " + id + " returned normally, but one of its statements failed"
                + " and the database aborted its transaction (PostgreSQL does at the first failed statement, even"
                + " if the migration catches the exception): nothing it did can be committed, so the runner rolled"
                + " it back. Let the exception propagate, or run the statement that may fail in a savepoint"
                + " (Handle.savepoint, Connection.setSavepoint) and roll back to it.");
    }

    private MigrationResult besideClaim(PlannedMigration migration) {
        String id = migration.id();
        long deadline = System.nanoTime() + claim.timeout().toNanos();
        long pauseMillis = 20;
        while (true) {
            try {
                return transaction(claimConnection(id), id, transaction -> besideClaim(transaction, migration));
            } catch (ClaimHeld held) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new UnableToAcquireLockException(id, timedOut(id), null);
                }
                // Waiting outside any transaction: see MigrationClaim#reserve.
                sleep(id, Math.min(pauseMillis, Duration.ofNanos(remaining).toMillis()));
                pauseMillis = Math.min(pauseMillis * 2, 500);
            }
        }
    }

    private MigrationResult besideClaim(Connection transaction, PlannedMigration migration) {
        reserve(transaction);
        // The row is read on the runner's connection, not in the reserving transaction, which must hold no snapshot.
        return outsideTransaction(migration, row -> claim(transaction, migration.id(), row));
    }

    private static void sleep(String id, long millis) {
        try {
            Thread.sleep(Math.max(millis, 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnableToAcquireLockException(
                    id,
                    "Interrupted while waiting for another runner's non-transactional migration. Migration " + id
                            + " has not run; it runs on the next start.",
                    e);
        }
    }

    private void reserve(Connection transaction) {
        try {
            if (!claim.reserve(transaction)) {
                throw new ClaimHeld();
            }
        } catch (SQLException e) {
            throw new DatabaseAccessException(
                    "Could not lock the tracking table " + tracking.name() + " for a non-transactional migration: "
                            + e.getMessage() + ". The migration has not run; it runs on the next start.",
                    e);
        }
    }

    private MigrationResult claimedAfter(PlannedMigration migration) {
        String id = migration.id();
        return outsideTransaction(
                migration, row -> transaction(connection, id, transaction -> claim(transaction, id, row)));
    }

    /**
     * Runs a non-transactional migration's body on the runner's connection in autocommit, unless its row, read again
     * now (another runner may have run it since this run read the table), records a success; then records the outcome
     * with {@code record}, which returns {@code false} when another runner recorded a success first.
     */
    private MigrationResult outsideTransaction(PlannedMigration migration, Predicate<TrackingRow> record) {
        String id = migration.id();
        Optional<TrackingRow> current = tracking.read(connection.connection(), id);
        if (!rerunSucceeded && current.isPresent() && current.get().status() == TrackingRow.Status.SUCCESS) {
            return MigrationResult.alreadyApplied(
                    migration.definition(),
                    current.get().executedAt(),
                    current.get().executionTime());
        }
        Instant executedAt = now();
        String checksum = migration.definition().checksum().orElse(null);
        try {
            connection.beforeAutoCommitWork();
        } catch (DatabaseAccessException e) {
            throw new DatabaseAccessException(
                    "Could not ready the runner's connection for non-transactional migration " + id + ": "
                            + e.getMessage() + ". The migration has not run; it runs on the next start.",
                    e);
        }
        long start = System.nanoTime();
        Throwable failure = leftOpen(id, runBody(connection.connection(), migration));
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        TrackingRow row = failure == null
                ? TrackingRow.success(id, executedAt, duration, checksum)
                : TrackingRow.failed(id, executedAt, duration, ErrorText.of(failure), checksum);
        if (!record.test(row)) {
            LOG.debug("Migration {} was also run by another runner, which recorded a success first", id);
        }
        return failure == null
                ? MigrationResult.applied(migration.definition(), executedAt, duration)
                : MigrationResult.failed(migration.definition(), executedAt, duration, failure);
    }

    /**
     * Rolls back a transaction that a non-transactional migration began and did not end, and makes that the
     * migration's failure: its uncommitted work is gone, and the runner's next transactions must not commit it.
     */
    private Throwable leftOpen(String id, Throwable failure) {
        boolean open;
        try {
            open = connection.rollBackLeftOpen();
        } catch (RunnerConnection.Failure e) {
            throw new DatabaseAccessException(
                    "Could not end the transaction that non-transactional migration " + id + " left open: "
                            + e.getMessage() + ". Its outcome is not recorded; nothing more has run.",
                    e.getCause());
        }
        if (!open) {
            return failure;
        }
        IllegalStateException leak = new IllegalStateException("Migration " + id + " runs outside a transaction"
                + " (transactional = false), but left its connection in a transaction (auto-commit off); the runner"
                + " rolled back what was not committed and returned the connection to auto-commit mode. End every"
                + " transaction the migration begins (commit or roll back, then turn auto-commit back on), or make it"
                + " transactional.");
        if (failure == null) {
            return leak;
        }
        failure.addSuppressed(leak);
        return failure;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private MigrationResult alreadyApplied(Connection transaction, PlannedMigration migration) {
        TrackingRow row = tracking.read(transaction, migration.id())
                .orElseThrow(() -> new TrackingTableException("The row of migration " + migration.id() + " in the"
                        + " tracking table " + tracking.name() + " could not be claimed, yet is not there."));
        return MigrationResult.alreadyApplied(migration.definition(), row.executedAt(), row.executionTime());
    }

    /**
     * Claims the migration's row, the transaction's first statement.
     *
     * @return {@code false} if the row records a success
     */
    private boolean claim(Connection transaction, String id, TrackingRow row) {
        return claim(transaction, id, row, claim.timeout());
    }

    private boolean claim(Connection transaction, String id, TrackingRow row, Duration wait) {
        try {
            return claim.claim(transaction, row, wait, rerunSucceeded);
        } catch (SQLException e) {
            if (claim.isTimeout(e)) {
                throw new ClaimTimedOut(e);
            }
            throw new TrackingTableException(
                    "Could not claim the row of migration " + id + " in the tracking table " + tracking.name() + ": "
                            + e.getMessage() + ". Nothing of it is committed; it runs on the next start.",
                    e);
        }
    }

    /** Runs {@code work} in a transaction on {@code on}, turning the connection's failures into Godwit's. */
    private <T> T transaction(RunnerConnection on, String id, RunnerConnection.Transaction<T> work) {
        try {
            return on.inTransaction(work);
        } catch (ClaimTimedOut e) {
            // Asked only now: the transaction that waited is rolled back, and on PostgreSQL aborted before that.
            throw new UnableToAcquireLockException(
                    id, timedOut(id) + " (" + e.getCause().getMessage() + ")", e.getCause());
        } catch (RunnerConnection.Failure e) {
            // Everything inside the transaction throws GodwitExceptions; what is left is its begin, commit or end.
            DatabaseAccessException failure = new DatabaseAccessException(transactionFailed(id, e), e.getCause());
            for (Throwable suppressed : e.getSuppressed()) {
                // What made the transaction roll back: the body's failure, carried out of it.
                failure.addSuppressed(suppressed instanceof BodyFailed body ? body.failure : suppressed);
            }
            throw failure;
        }
    }

    private static String transactionFailed(String id, RunnerConnection.Failure e) {
        String notAutoCommit = ", but could not return the runner's connection to auto-commit mode: " + e.getMessage();
        return switch (e.step()) {
            case END_AFTER_COMMIT ->
                "Committed the transaction of migration " + id + notAutoCommit + ". Nothing more has run.";
            case END_AFTER_ROLLBACK ->
                "Rolled back the transaction of migration " + id + notAutoCommit + ". Nothing of it is committed; it"
                        + " runs again on the next start.";
            case ROLL_BACK ->
                "Could not roll back the transaction of migration " + id + ": " + e.getMessage() + ". Nothing more has"
                        + " run; the database discards what is not committed when the connection closes, and the"
                        + " migration runs again on the next start.";
            case OPEN, BEGIN_OR_COMMIT ->
                "Could not begin or commit the transaction of migration " + id + ": " + e.getMessage() + ". Nothing of"
                        + " it is committed; it runs again on the next start.";
        };
    }

    private String timedOut(String id) {
        String holder;
        try {
            holder = claim.holder(connection.connection(), id);
        } catch (SQLException e) {
            holder = "could not tell which session holds it (" + e.getMessage() + ")";
        }
        return "Migration " + id + " waited " + claim.describeTimeout() + " for another runner that is running it"
                + " (its claim of the migration's row in " + tracking.name() + ") and gave up: " + holder
                + ". The migration has not run; it runs on the next start. Raise the lock timeout"
                + " (MigrationRunner.Builder#lockTimeout) above your longest migration, or end that session if it is"
                + " stuck.";
    }

    private RunnerConnection claimConnection(String id) {
        if (claimConnection == null) {
            try {
                claimConnection = connection.openAnother();
            } catch (RunnerConnection.Failure e) {
                throw new DatabaseAccessException(
                        "Could not open a second connection for non-transactional migration " + id
                                + ", whose claim it holds while the migration runs on the first: " + e.getMessage()
                                + ". The migration has not run; it runs on the next start.",
                        e.getCause());
            }
        }
        return claimConnection;
    }

    /** The body threw: carries the failure out of the transaction, which rolls back. */
    private static final class BodyFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Throwable failure;
        private final transient Duration duration;

        BodyFailed(Throwable failure, Duration duration) {
            super(null, null, false, false);
            this.failure = failure;
            this.duration = duration;
        }
    }

    /** Another transaction holds the lock of non-transactional migrations: this one rolls back, to try again. */
    private static final class ClaimHeld extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimHeld() {
            super(null, null, false, false);
        }
    }

    /** The claim's wait timed out: carries the database's exception out of the transaction, which rolls back. */
    private static final class ClaimTimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimTimedOut(SQLException cause) {
            super(null, cause, false, false);
        }
    }

    /** Returns what the body threw, or {@code null} if it returned. */
    private Throwable runBody(Connection transaction, PlannedMigration migration) {
        RunningMigrationContext context = new RunningMigrationContext(
                migration.id(), kind, transaction, connection, new Progress(migration.definition(), listeners));
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

    private static void log(MigrationResult result, boolean transactional) {
        long millis = result.duration().toMillis();
        switch (result.outcome()) {
            case APPLIED -> LOG.info("Applied migration {} in {} ms", result.id(), millis);
            case FAILED ->
                LOG.error(
                        "Migration {} failed after {} ms; {} and it is recorded as failed, to run again on the next"
                                + " start",
                        result.id(),
                        millis,
                        transactional
                                ? "its changes are rolled back"
                                : "it ran outside a transaction, so what it did before it failed stays",
                        result.error().orElse(null));
            case ALREADY_APPLIED ->
                LOG.debug(
                        "Migration {} was applied by another runner at {} while this one waited for it; skipped",
                        result.id(),
                        result.executedAt());
        }
    }
}
