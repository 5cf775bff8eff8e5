package dev.godwit.runtime.internal;

import dev.godwit.runtime.DatabaseAccessException;
import dev.godwit.runtime.InvalidConfigurationException;
import dev.godwit.runtime.MigrationRegistry;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.internal.database.DatabaseSupport;
import dev.godwit.runtime.internal.database.TrackingRow;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.CloseException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of {@link MigrationRunner#runAll()}: plan, then one connection for the tracking table and every pending
 * migration. See {@link MigrationRunner} for the steps.
 */
public final class MigrationRun {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Jdbi jdbi;
    private final RunnerSettings settings;

    /**
     * Prepares a run.
     *
     * @param jdbi the runner's {@code Jdbi}
     * @param settings the runner's options
     */
    public MigrationRun(Jdbi jdbi, RunnerSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /**
     * Runs every pending migration.
     *
     * @return the report
     * @throws dev.godwit.runtime.GodwitException as documented on {@link MigrationRunner#runAll()}
     */
    public MigrationReport execute() {
        long start = System.nanoTime();
        List<MigrationRegistry> registries = registries();
        List<PlannedMigration> plan = MigrationPlan.of(registries);
        LOG.debug("Found {} migrations in {} registries", plan.size(), registries.size());
        List<MigrationResult> results;
        try (Handle handle = open()) {
            results = run(handle, plan);
        } catch (CloseException e) {
            throw new DatabaseAccessException("Could not close the runner's connection: " + e.getMessage(), e);
        }
        MigrationReport report = MigrationReport.of(results, Duration.ofNanos(System.nanoTime() - start));
        if (report.hasFailures()) {
            LOG.warn("Godwit migrations: {}", report.summary());
        } else {
            LOG.info("Godwit migrations: {}", report.summary());
        }
        return report;
    }

    private List<MigrationRegistry> registries() {
        if (settings.registries() != null) {
            return settings.registries();
        }
        ClassLoader classLoader = settings.classLoader();
        if (classLoader == null) {
            classLoader = Thread.currentThread().getContextClassLoader();
        }
        if (classLoader == null) {
            classLoader = MigrationRunner.class.getClassLoader();
        }
        return RegistryDiscovery.discover(classLoader);
    }

    private Handle open() {
        try {
            Handle handle = jdbi.open();
            if (handle.isInTransaction()) {
                handle.close();
                throw new InvalidConfigurationException("The Jdbi given to MigrationRunner hands out connections"
                        + " that are already in a transaction (auto-commit off). Godwit runs each migration in a"
                        + " transaction of its own: configure the data source or pool to return connections in"
                        + " auto-commit mode.");
            }
            return handle;
        } catch (JdbiException e) {
            throw new DatabaseAccessException(
                    "Could not open a connection through the Jdbi given to MigrationRunner: " + e.getMessage()
                            + ". Nothing has run.",
                    e);
        }
    }

    private List<MigrationResult> run(Handle handle, List<PlannedMigration> plan) {
        DatabaseSupport database = DatabaseSupport.of(handle, settings.table());
        TrackingTable tracking = new TrackingTable(database.dialect(), settings.table());
        if (tracking.ensureExists(handle)) {
            LOG.info("Created the tracking table {}", tracking.name());
        }
        Map<String, TrackingRow> rows = tracking.readAll(handle);
        MigrationExecutor executor = new MigrationExecutor(
                jdbi, handle, database, tracking, new Instances(settings.instanceFactory()), settings.clock());
        List<MigrationResult> results = new ArrayList<>(plan.size());
        for (PlannedMigration migration : plan) {
            TrackingRow row = rows.get(migration.id());
            if (row != null && row.status() == TrackingRow.Status.SUCCESS) {
                LOG.debug("Migration {} already applied at {}; skipped", migration.id(), row.executedAt());
                results.add(
                        MigrationResult.alreadyApplied(migration.definition(), row.executedAt(), row.executionTime()));
            } else {
                results.add(executor.execute(migration));
            }
        }
        return results;
    }
}
