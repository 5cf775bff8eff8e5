package dev.godwit.runtime.internal;

import dev.godwit.runtime.MigrationChangedException;
import dev.godwit.runtime.MigrationDefinition;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import dev.godwit.runtime.internal.database.DatabaseSupport;
import dev.godwit.runtime.internal.database.MigrationClaim;
import dev.godwit.runtime.internal.database.TrackingRow;
import dev.godwit.runtime.internal.database.TrackingTable;
import dev.godwit.runtime.internal.sql.SqlMigration;
import dev.godwit.runtime.internal.sql.SqlMigrationDiscovery;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What a {@link MigrationRunner} does with its options: a run ({@link MigrationRunner#runAll()}), and the read-only
 * {@link MigrationRunner#status()} and {@link MigrationRunner#plan()}, and {@link MigrationRunner#acceptChecksums}.
 * Each finds the migrations, then works on one connection. See {@link MigrationRunner} for the steps.
 */
public final class MigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Supplier<RunnerConnection> connections;
    private final RunnerSettings settings;

    private MigrationRun(Supplier<RunnerConnection> connections, RunnerSettings settings) {
        this.connections = connections;
        this.settings = settings;
    }

    /**
     * Prepares a run on a connection of a {@code Jdbi}.
     *
     * @param jdbi the runner's {@code Jdbi}
     * @param settings the runner's options
     * @return the run
     */
    public static MigrationRun of(Jdbi jdbi, RunnerSettings settings) {
        return new MigrationRun(() -> RunnerConnection.open(jdbi), settings);
    }

    /**
     * Prepares a run on a connection of a {@code DataSource}, which starts JDBI only if a migration asks for it.
     *
     * @param dataSource the runner's {@code DataSource}
     * @param settings the runner's options
     * @return the run
     */
    public static MigrationRun of(DataSource dataSource, RunnerSettings settings) {
        return new MigrationRun(() -> RunnerConnection.open(dataSource), settings);
    }

    /**
     * Runs every pending migration.
     *
     * @return the report
     * @throws dev.godwit.runtime.GodwitException as documented on {@link MigrationRunner#runAll()}
     */
    public MigrationReport execute() {
        long start = System.nanoTime();
        MigrationPlan plan = migrationPlan();
        Listeners listeners = new Listeners(settings.listeners());
        List<MigrationResult> results = withConnection(connection -> run(connection, plan, listeners));
        MigrationReport report = MigrationReport.of(results, Duration.ofNanos(System.nanoTime() - start));
        if (report.hasFailures()) {
            LOG.warn("Godwit migrations: {}", report.summary());
        } else {
            LOG.info("Godwit migrations: {}", report.summary());
        }
        listeners.afterRun(report);
        return report;
    }

    /**
     * Returns where every migration stands, writing nothing.
     *
     * @return every migration of code, SQL files and the tracking table, in ID order
     * @throws dev.godwit.runtime.GodwitException as documented on {@link MigrationRunner#status()}
     */
    public List<MigrationStatus> status() {
        MigrationPlan plan = migrationPlan();
        return withConnection(connection -> read(connection, plan).statuses());
    }

    /**
     * Returns what a run would run now, writing nothing.
     *
     * @return the pending, failed and active migrations, and the blocked ones whose prerequisites are among them, in
     *     ID order
     * @throws dev.godwit.runtime.GodwitException as documented on {@link MigrationRunner#plan()}
     */
    public List<MigrationStatus> plan() {
        List<MigrationStatus> statuses = status();
        if (settings.strictChecksums()) {
            List<MigrationStatus> changed = withState(statuses, MigrationState.CHANGED);
            if (!changed.isEmpty()) {
                throw new MigrationChangedException(changed);
            }
        }
        // A blocked migration runs if the prerequisites that hold it back run first: they sort before it.
        List<MigrationStatus> planned = new ArrayList<>();
        Set<String> plannedIds = new HashSet<>();
        for (MigrationStatus status : statuses) {
            if (Statuses.TO_RUN.contains(status.state())
                    || (status.state() == MigrationState.BLOCKED && plannedIds.containsAll(status.blockedBy()))) {
                planned.add(status);
                plannedIds.add(status.id());
            }
        }
        return planned;
    }

    /**
     * Records the current checksums of succeeded migrations.
     *
     * @param ids the migrations, or none for every changed migration
     * @return the status of each migration whose checksum was replaced, as it was before
     * @throws dev.godwit.runtime.GodwitException as documented on {@link MigrationRunner#acceptChecksums}
     */
    public List<MigrationStatus> acceptChecksums(List<String> ids) {
        MigrationPlan plan = migrationPlan();
        return withConnection(connection -> {
            Snapshot snapshot = read(connection, plan);
            MigrationClaim claim = snapshot.database().claim(snapshot.tracking(), settings.lockTimeout());
            return new ChecksumAcceptance(claim, snapshot.tracking(), snapshot.migrations())
                    .accept(connection, snapshot.tableExists(), ids);
        });
    }

    /** The database, its tracking table and the migrations for it, as read without writing. */
    private record Snapshot(
            DatabaseSupport database,
            TrackingTable tracking,
            List<PlannedMigration> migrations,
            boolean tableExists,
            List<MigrationStatus> statuses) {}

    private Snapshot read(RunnerConnection connection, MigrationPlan plan) {
        DatabaseSupport database = DatabaseSupport.of(connection.connection());
        List<PlannedMigration> migrations = plan.forDatabase(database.kind());
        TrackingTable tracking = new TrackingTable(database.dialect(), settings.table());
        // A missing table means that nothing has run; it is not created, so that reading writes nothing.
        Map<String, TrackingRow> read = tracking.readAllIfExists(connection.connection());
        boolean exists = read != null;
        Map<String, TrackingRow> rows = exists ? read : Map.of();
        return new Snapshot(
                database,
                tracking,
                migrations,
                exists,
                Statuses.of(migrations, rows, settings.clock().instant()));
    }

    private List<MigrationResult> run(RunnerConnection connection, MigrationPlan plan, Listeners listeners) {
        DatabaseSupport database = DatabaseSupport.of(connection.connection());
        List<PlannedMigration> migrations = plan.forDatabase(database.kind());
        TrackingTable tracking = new TrackingTable(database.dialect(), settings.table());
        Map<String, TrackingRow> rows = readOrCreate(connection.connection(), tracking);
        Instant now = settings.clock().instant();
        // One pass settles what each migration's row alone decides and finds the changed migrations; with nothing
        // pending, the report's count of the results is the only other pass. The loops only call: the JVM compiles
        // what is called for each migration early in a start, but a loop that runs once per start only after dozens
        // of them, and runs it interpreted until then.
        List<MigrationResult> results = new ArrayList<>(migrations.size());
        List<MigrationStatus> changed = new ArrayList<>();
        int unsettled = 0;
        for (PlannedMigration migration : migrations) {
            MigrationResult settled = settle(migration, rows.get(migration.id()), now, changed);
            results.add(settled);
            if (settled == null) {
                unsettled++;
            }
        }
        checkChecksums(changed);
        if (unsettled == 0) {
            if (LOG.isDebugEnabled()) {
                for (int i = 0; i < results.size(); i++) {
                    logSkipped(migrations.get(i), results.get(i));
                }
            }
            return results;
        }
        try (Executors executors = new Executors(connection, database, tracking, listeners)) {
            // What has succeeded: what the tracking table says, unless this run has changed it. A prerequisite is met
            // when its row says success. Asked only of migrations that may run, so a start with nothing pending
            // copies nothing.
            Map<String, Boolean> outcomes = new HashMap<>();
            Predicate<String> succeeded = id -> {
                Boolean outcome = outcomes.get(id);
                return outcome != null ? outcome : Statuses.succeeded(rows.get(id));
            };
            for (int i = 0; i < results.size(); i++) {
                MigrationResult settled = results.get(i);
                if (settled == null) {
                    results.set(
                            i,
                            considerAndNote(migrations.get(i), rows, outcomes, now, succeeded, executors, listeners));
                } else {
                    logSkipped(migrations.get(i), settled);
                }
            }
            executors.finish();
            return results;
        }
    }

    /** Reads the tracking table, created first if it does not exist yet. */
    private static Map<String, TrackingRow> readOrCreate(Connection connection, TrackingTable tracking) {
        Map<String, TrackingRow> rows = tracking.readAllIfExists(connection);
        if (rows != null) {
            return rows;
        }
        if (tracking.create(connection)) {
            LOG.info("Created the tracking table {}", tracking.name());
        }
        // Read again rather than take it as empty: another runner may have created it and written rows since.
        return tracking.readAll(connection);
    }

    /**
     * Settles what a migration's row alone decides, whatever runs before it: an interval migration whose time is over
     * is expired, and any other migration whose row says success is already applied. Adds the migration's status to
     * {@code changed} if it has changed since it succeeded.
     *
     * @return the result, or {@code null} for a migration that may run
     */
    private static MigrationResult settle(
            PlannedMigration migration, TrackingRow row, Instant now, List<MigrationStatus> changed) {
        MigrationStatus status = Statuses.changed(migration, row, now);
        if (status != null) {
            changed.add(status);
        }
        MigrationDefinition definition = migration.definition();
        Optional<Instant> runUntil = definition.runUntil();
        if (runUntil.isPresent() && !now.isBefore(runUntil.get())) {
            return row == null
                    ? MigrationResult.expired(definition, now, Duration.ZERO)
                    : MigrationResult.expired(definition, row.executedAt(), row.executionTime());
        }
        if (runUntil.isEmpty() && Statuses.succeeded(row)) {
            return MigrationResult.alreadyApplied(definition, row.executedAt(), row.executionTime());
        }
        return null;
    }

    /**
     * Logs that a migration {@link #settle} settled is skipped, where the run comes to it in ID order: after the
     * checksum check, among the migrations that run.
     */
    private static void logSkipped(PlannedMigration migration, MigrationResult settled) {
        if (settled.outcome() == MigrationResult.Outcome.EXPIRED) {
            LOG.debug(
                    "Interval migration {} expired at {}; skipped",
                    migration.id(),
                    migration.definition().runUntil().orElseThrow());
        } else {
            LOG.debug("Migration {} already applied at {}; skipped", migration.id(), settled.executedAt());
        }
    }

    /** Holds back or runs one migration, and notes in {@code outcomes} what its running changed. */
    private static MigrationResult considerAndNote(
            PlannedMigration migration,
            Map<String, TrackingRow> rows,
            Map<String, Boolean> outcomes,
            Instant now,
            Predicate<String> succeeded,
            Executors executors,
            Listeners listeners) {
        TrackingRow row = rows.get(migration.id());
        MigrationResult result = consider(migration, now, succeeded, executors, listeners);
        switch (result.outcome()) {
            case APPLIED -> outcomes.put(result.id(), true);
            case ALREADY_APPLIED -> {
                // Applied by another runner while this one waited, if its row, read before, does not say so.
                if (!Statuses.succeeded(row)) {
                    outcomes.put(result.id(), true);
                }
            }
            case FAILED -> outcomes.put(result.id(), false);
            // Expired migrations are settled before, and never come here.
            case BLOCKED, EXPIRED -> {}
        }
        return result;
    }

    /**
     * The run's executor, created for the first migration that runs: a start with nothing pending loads neither it
     * nor, through it, any JDBI class.
     */
    private final class Executors implements AutoCloseable {
        private final RunnerConnection connection;
        private final DatabaseSupport database;
        private final TrackingTable tracking;
        private final Listeners listeners;
        private MigrationExecutor executor;

        Executors(RunnerConnection connection, DatabaseSupport database, TrackingTable tracking, Listeners listeners) {
            this.connection = connection;
            this.database = database;
            this.tracking = tracking;
            this.listeners = listeners;
        }

        MigrationExecutor get() {
            if (executor == null) {
                executor = new MigrationExecutor(
                        connection,
                        database.kind(),
                        tracking,
                        database.claim(tracking, settings.lockTimeout()),
                        new Instances(settings.instanceFactory()),
                        listeners,
                        settings.clock());
            }
            return executor;
        }

        /** Ends a run that went through every migration. */
        void finish() {
            if (executor != null) {
                executor.finish();
            }
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.close();
            }
        }
    }

    /** Holds back or runs a migration that {@link #settle} did not settle. */
    private static MigrationResult consider(
            PlannedMigration migration,
            Instant now,
            Predicate<String> succeeded,
            Executors executors,
            Listeners listeners) {
        MigrationDefinition definition = migration.definition();
        List<String> unmet = Prerequisites.unmet(definition, succeeded);
        if (!unmet.isEmpty()) {
            MigrationResult blocked = MigrationResult.blocked(definition, now, unmet);
            withMdc(migration.id(), () -> {
                LOG.warn(
                        "Migration {} is {}: not run; it runs on a later start once they have succeeded",
                        migration.id(),
                        blocked.blockedReason().orElseThrow());
                listeners.afterMigration(blocked);
            });
            return blocked;
        }
        // An active interval migration runs again although its row says success.
        return executors.get().execute(migration, definition.runUntil().isPresent());
    }

    private static void withMdc(String id, Runnable work) {
        String outer = MDC.get(MigrationRunner.MDC_KEY);
        MDC.put(MigrationRunner.MDC_KEY, id);
        try {
            work.run();
        } finally {
            if (outer == null) {
                MDC.remove(MigrationRunner.MDC_KEY);
            } else {
                MDC.put(MigrationRunner.MDC_KEY, outer);
            }
        }
    }

    /** Stops the run before anything runs if a migration changed and checksums are strict; else warns. */
    private void checkChecksums(List<MigrationStatus> changed) {
        if (changed.isEmpty()) {
            return;
        }
        if (settings.strictChecksums()) {
            throw new MigrationChangedException(changed);
        }
        for (MigrationStatus status : changed) {
            LOG.warn(
                    "Migration {} ({}) has changed since it succeeded: its recorded checksum is {}, its checksum now"
                            + " {}. It is not run again. Revert the change, or accept it with"
                            + " MigrationRunner#acceptChecksums(\"{}\"); work the change should still do belongs in"
                            + " a new migration.",
                    status.id(),
                    status.source().orElse("?"),
                    status.recordedChecksum().orElse("none"),
                    status.checksum().orElse("none"),
                    status.id());
        }
    }

    private static List<MigrationStatus> withState(List<MigrationStatus> statuses, MigrationState state) {
        return statuses.stream().filter(status -> status.state() == state).toList();
    }

    /**
     * Finds the registries and SQL files and checks them, before any database work. SQL files are read every time,
     * as they may change while the JVM runs; the plan of discovered registries is reused while they are unchanged.
     * Registries given to the builder may be objects of the application's that change: their plan is built afresh.
     */
    private MigrationPlan migrationPlan() {
        ClassLoader classLoader = classLoader();
        List<MigrationRegistry> registries =
                settings.registries() != null ? settings.registries() : RegistryDiscovery.discover(classLoader);
        List<SqlMigration> sql = SqlMigrationDiscovery.discover(classLoader, settings.sqlLocation());
        LOG.debug(
                "Found {} registries and {} SQL migrations in {}",
                registries.size(),
                sql.size(),
                settings.sqlLocation());
        return settings.registries() != null
                ? MigrationPlan.of(registries, sql)
                : MigrationPlan.reuseOrBuild(registries, sql);
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = settings.classLoader();
        if (classLoader == null) {
            classLoader = Thread.currentThread().getContextClassLoader();
        }
        if (classLoader == null) {
            classLoader = MigrationRunner.class.getClassLoader();
        }
        return classLoader;
    }

    private <T> T withConnection(Function<RunnerConnection, T> work) {
        try (RunnerConnection connection = connections.get()) {
            return work.apply(connection);
        }
    }
}
