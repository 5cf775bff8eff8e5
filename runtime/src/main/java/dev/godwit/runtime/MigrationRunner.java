package dev.godwit.runtime;

import dev.godwit.runtime.internal.MigrationRun;
import dev.godwit.runtime.internal.RunnerSettings;
import dev.godwit.runtime.internal.database.TableName;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs every migration that has not yet succeeded, in natural ID order, each in a transaction of its own, and
 * records the outcome in a tracking table.
 *
 * <p>Most applications need one line at start-up:
 *
 * <pre>{@code
 * MigrationReport report = MigrationRunner.runAll(jdbi);
 * }</pre>
 *
 * and a {@link #builder(Jdbi) builder} for the options:
 *
 * <pre>{@code
 * MigrationRunner.builder(jdbi)
 *     .table("app.migration_history")
 *     .instances(injector::getInstance)
 *     .build()
 *     .runAll()
 *     .throwIfFailed();
 * }</pre>
 *
 * <h2>What a run does</h2>
 *
 * <ol>
 *   <li>Finds the {@linkplain MigrationRegistry registries}: those given to {@link Builder#registries}, or else every
 *       one listed in a {@code META-INF/services/dev.godwit.runtime.MigrationRegistry} resource, through
 *       {@link ServiceLoader}. Two resources that list the same class name are a {@link DuplicateRegistryException}.
 *   <li>Merges their migrations into one list in natural ID order ({@link dev.godwit.MigrationIds#ORDER}). An ID
 *       declared twice is a {@link DuplicateMigrationException}. Both checks happen before any database work.
 *   <li>Opens one connection, recognizes the database from the JDBC driver's metadata ({@link DatabaseKind}; others
 *       are an {@link UnsupportedDatabaseException}), creates the tracking table if it does not exist, and reads all
 *       of its rows in one query. When everything has already run, that is all a start costs: no transaction and no
 *       statement per migration, and no migration's class is loaded.
 *   <li>Runs each migration without a {@code success} row (none yet, or {@code failed}) in its own transaction:
 *       <ol>
 *         <li>takes a lock that ends with the transaction, so two runners never run one migration at the same time
 *             and a killed process leaves no lock behind: {@code pg_advisory_xact_lock} on PostgreSQL, SQLite's
 *             write lock on SQLite;
 *         <li>reads the migration's row again and skips it if another runner made it succeed in the meantime;
 *         <li>runs the body after a savepoint;
 *         <li>on success, writes the {@code success} row in the same transaction, so the body's changes and their
 *             record commit together or not at all;
 *         <li>on an exception, rolls back to the savepoint, writes a {@code failed} row with the error in the same
 *             transaction, logs the failure, and goes on with the next migration.
 *       </ol>
 * </ol>
 *
 * A failed migration runs again on every start until it succeeds; deleting its row from the tracking table makes a
 * migration that succeeded run again. Failures of the runner itself (no connection, a tracking row that cannot be
 * written, a lock that cannot be taken) are not migration failures: they stop the run with a
 * {@link GodwitException}, and what was not committed runs on the next start.
 *
 * <h2>The tracking table</h2>
 *
 * {@code godwit_migrations} unless {@linkplain Builder#table(String) configured}, with the columns {@code id}
 * (primary key), {@code status} ({@code success} or {@code failed}), {@code executed_at}, {@code execution_time_ms}
 * and {@code error} (the failure's exception and causes; {@code null} on success). PostgreSQL stores
 * {@code executed_at} as {@code TIMESTAMPTZ}, SQLite as ISO-8601 text in UTC.
 *
 * <h2>Transactions</h2>
 *
 * A migration must leave transaction control to the runner: it must not commit or roll back the handle it is given.
 * On PostgreSQL each migration's transaction runs at {@code READ COMMITTED}, PostgreSQL's default, so that the
 * re-read after the lock sees what the runner that held the lock committed. The runner keeps no session state
 * between transactions, so it works behind a pooler in transaction mode (PgBouncer). The {@link Jdbi}'s connections
 * must start in auto-commit mode, as JDBC connections do by default.
 *
 * <h2>Logging</h2>
 *
 * Through SLF4J, on the logger {@code dev.godwit.runtime.MigrationRunner}: a line at INFO for each migration applied,
 * one at ERROR with the cause for each failure, one summary per run (WARN if anything failed), and DEBUG for the
 * migrations skipped, so a start with nothing to do logs the summary only. Every line about a migration names it,
 * and while a migration runs its ID is in the {@link org.slf4j.MDC} under {@value #MDC_KEY}. A migration's own
 * logger ({@link MigrationContext#logger()}) is named {@code dev.godwit.migration.<id>}.
 *
 * <p>Instances are immutable and thread-safe; {@link #runAll()} can be called any number of times.
 */
public final class MigrationRunner {

    /** The {@link org.slf4j.MDC} key that holds the ID of the running migration while it runs. */
    public static final String MDC_KEY = "godwit.migration";

    private final Jdbi jdbi;
    private final RunnerSettings settings;

    private MigrationRunner(Jdbi jdbi, RunnerSettings settings) {
        this.jdbi = jdbi;
        this.settings = settings;
    }

    /**
     * Runs every pending migration of every registry on the class path, with the default options.
     *
     * <p>The same as {@code builder(jdbi).build().runAll()}.
     *
     * @param jdbi how to connect to the database (PostgreSQL or SQLite)
     * @return what ran, what failed and why, and what had already run
     * @throws GodwitException if the run could not be carried out; see {@link #runAll()}
     */
    public static MigrationReport runAll(Jdbi jdbi) {
        return builder(jdbi).build().runAll();
    }

    /**
     * Starts configuring a runner.
     *
     * @param jdbi how to connect to the database (PostgreSQL or SQLite)
     * @return a builder with the default options
     */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(jdbi);
    }

    /**
     * Runs every pending migration; see the class documentation for the steps.
     *
     * @return what ran, what failed and why, and what had already run; a failed migration is reported here, not
     *     thrown ({@link MigrationReport#throwIfFailed()})
     * @throws DuplicateRegistryException if two service resources list the same registry class name
     * @throws InvalidRegistryException if a registry cannot be loaded or breaks its contract
     * @throws DuplicateMigrationException if two migrations have the same ID
     * @throws InvalidConfigurationException if the {@code Jdbi}'s connections are already in a transaction
     * @throws UnsupportedDatabaseException if the database is neither PostgreSQL nor SQLite
     * @throws DatabaseAccessException if no connection can be opened or a transaction cannot be begun or committed
     * @throws TrackingTableException if the tracking table cannot be created, read or written
     * @throws UnableToAcquireLockException if the migration lock cannot be taken
     */
    public MigrationReport runAll() {
        return new MigrationRun(jdbi, settings).execute();
    }

    /**
     * The options of a {@link MigrationRunner}. Every option has a default, so {@code builder(jdbi).build()} is a
     * complete runner. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private final Jdbi jdbi;
        private TableName table = TableName.DEFAULT;
        private List<MigrationRegistry> registries;
        private ClassLoader classLoader;
        private Function<Class<?>, ?> instances;

        private Builder(Jdbi jdbi) {
            this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        }

        /**
         * Sets the name of the tracking table; default {@code godwit_migrations}.
         *
         * <p>The name is an SQL identifier, {@code [A-Za-z_][A-Za-z0-9_]*} of at most 63 characters, optionally
         * qualified by a schema of the same form as {@code schema.table} (on SQLite, the schema is an attached
         * database's name). It is used unquoted, so PostgreSQL folds it to lower case. On PostgreSQL the schema
         * must exist.
         *
         * @param name the table name
         * @return this builder
         * @throws InvalidConfigurationException if {@code name} is not of that form
         */
        public Builder table(String name) {
            this.table = TableName.parse(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * Runs the migrations of these registries only, instead of the ones {@link ServiceLoader} finds.
         *
         * @param registries the registries; their migrations are merged in ID order whatever their order here
         * @return this builder
         */
        public Builder registries(MigrationRegistry... registries) {
            return registries(Arrays.asList(Objects.requireNonNull(registries, "registries")));
        }

        /**
         * Runs the migrations of these registries only, instead of the ones {@link ServiceLoader} finds.
         *
         * @param registries the registries; their migrations are merged in ID order whatever their order here
         * @return this builder
         */
        public Builder registries(Collection<? extends MigrationRegistry> registries) {
            Objects.requireNonNull(registries, "registries");
            registries.forEach(registry -> Objects.requireNonNull(registry, "registries must not hold null"));
            this.registries = List.copyOf(registries);
            return this;
        }

        /**
         * Sets the class loader whose {@code META-INF/services} resources list the registries; default the thread's
         * context class loader at the time of the run, or else the one that loaded Godwit. Not used when
         * {@linkplain #registries(MigrationRegistry...) registries are given}.
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Sets how the objects that instance migration methods are called on are obtained, for applications whose
         * migrations need injected dependencies ({@code injector::getInstance}). The factory is given the class
         * that declares the method and must return an instance of it; it is called at most once per class and
         * run, and only for classes with a pending migration.
         *
         * <p>Default ({@code null}): the class's no-argument constructor. A factory that returns {@code null} or an
         * object of another class fails the migration that needed it, with an {@link
         * InvalidConfigurationException}.
         *
         * @param factory returns an instance of the class it is given; {@code null} for the constructors
         * @return this builder
         */
        public Builder instances(Function<Class<?>, ?> factory) {
            this.instances = factory;
            return this;
        }

        /**
         * Creates the runner. It is bound to the {@code Jdbi} given to {@link MigrationRunner#builder(Jdbi)}.
         *
         * @return a runner with these options
         */
        public MigrationRunner build() {
            return new MigrationRunner(
                    jdbi, new RunnerSettings(table, registries, classLoader, instances, Clock.systemUTC()));
        }
    }
}
