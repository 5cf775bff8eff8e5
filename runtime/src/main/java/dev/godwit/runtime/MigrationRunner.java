package dev.godwit.runtime;

import dev.godwit.runtime.internal.MigrationRun;
import dev.godwit.runtime.internal.RunnerSettings;
import dev.godwit.runtime.internal.database.TableName;
import dev.godwit.runtime.internal.sql.SqlLocation;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Function;
import javax.sql.DataSource;
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
 * or {@code MigrationRunner.runAll(dataSource)} with the application's {@link DataSource}, and a {@link #builder(Jdbi)
 * builder} for the options:
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
 *   <li>Finds the SQL migrations: the {@code .sql} files directly in the {@linkplain Builder#sqlLocation(String) SQL
 *       location} ({@code db/migration}) of every folder and jar on the class path, named {@code <id>.sql}, or
 *       {@code <id>.postgresql.sql} and {@code <id>.sqlite.sql} for one database. A badly named file is an
 *       {@link InvalidSqlMigrationException}.
 *   <li>Merges the migrations of both into one list in natural ID order ({@link dev.godwit.MigrationIds#ORDER}), so
 *       that SQL files and methods interleave. An ID declared twice (by two methods, two jars' SQL files, or a method
 *       and a SQL file) is a {@link DuplicateMigrationException}. These checks happen before any database work.
 *   <li>Opens one connection and recognizes the database from the JDBC driver's metadata ({@link DatabaseKind};
 *       others are an {@link UnsupportedDatabaseException}). Picks each SQL migration's file for that database: its
 *       variant, else its plain file; a migration with variants for other databases only is an
 *       {@link InvalidSqlMigrationException}. Reads all of the tracking table's rows in one query; only if that
 *       fails does it ask the catalog whether the table exists, and creates it if not. When everything has already
 *       run, that one query is all a start costs: no transaction and no statement per migration, and no migration's
 *       class is loaded. The runner's own statements are plain JDBC (so a {@code Jdbi}'s {@code SqlLogger} and
 *       statement customizers see only the migrations' statements); given a {@link DataSource}, JDBI is not even
 *       started unless a migration asks for a {@code Handle} or a {@code Jdbi}.
 *   <li>Compares the checksum of each succeeded migration with the recorded one. A changed migration is not run
 *       again; it is logged at WARN, or with {@linkplain Builder#strictChecksums(boolean) strict checksums} stops the
 *       run with a {@link MigrationChangedException} before anything runs.
 *   <li>Runs each migration without a {@code success} row (none yet, or {@code failed}) in its own transaction:
 *       <ol>
 *         <li>claims the migration's tracking row, the transaction's first statement: an upsert that writes the row
 *             as a {@code success} unless it already records one, so that the body's changes and their record
 *             commit together or not at all. A runner that claims a row another runner holds waits until that
 *             transaction ends (at most the {@linkplain Builder#lockTimeout(Duration) lock timeout}), then skips the
 *             migration if the other made it succeed. The claim ends with the transaction, so a killed process
 *             leaves no lock behind;
 *         <li>runs the body: the method, or the SQL file's statements one by one, and commits;
 *         <li>on an exception, rolls the transaction back, records a {@code failed} row with the error in a new
 *             transaction (unless another runner has made the migration succeed meanwhile), logs the failure, and
 *             goes on with the next migration. So too for a body that returns normally in a transaction that the
 *             database aborted, as PostgreSQL does at a failed statement whose exception the body caught: nothing of
 *             it could be committed.
 *       </ol>
 *       A {@linkplain MigrationDefinition#transactional() non-transactional} migration runs outside any transaction;
 *       see the README for its weaker guarantee.
 * </ol>
 *
 * Two kinds of migrations bend step 6. An <em>interval migration</em> ({@link MigrationDefinition#runUntil()}) runs
 * although its row says {@code success}, as long as the {@linkplain Builder#clock(Clock) clock} is before its
 * threshold, and never from then on ({@link MigrationResult.Outcome#EXPIRED}). A migration with
 * <em>prerequisites</em> ({@link MigrationDefinition#after()}) is held back, not run and nothing written, while one of
 * them has no {@code success} row ({@link MigrationResult.Outcome#BLOCKED}); prerequisites must be declared
 * migrations that sort before it, else the run stops with an {@link InvalidPrerequisiteException} before any
 * database work.
 *
 * <p>A failed migration runs again on every start until it succeeds; deleting its row from the tracking table makes a
 * migration that succeeded run again. Failures of the runner itself (no connection, a tracking row that cannot be
 * written, a lock that cannot be taken) are not migration failures: they stop the run with a
 * {@link GodwitException}, and what was not committed runs on the next start.
 *
 * <h2>The tracking table</h2>
 *
 * {@code godwit_migrations} unless {@linkplain Builder#table(String) configured}, with the columns {@code id}
 * (primary key), {@code status} ({@code success} or {@code failed}), {@code executed_at}, {@code execution_time_ms}
 * (of a success, written for the whole run in one statement at its end, and every thousand successes: a run that
 * stops on an error or is killed leaves 0 for the migrations it applied), {@code error} (the failure's exception and
 * causes; {@code null} on success) and {@code checksum} (the migration's checksum when it ran, success or failure;
 * {@code null} for a method compiled without one). PostgreSQL stores {@code executed_at} as {@code TIMESTAMPTZ},
 * SQLite as ISO-8601 text in UTC.
 *
 * <h2>Checksums</h2>
 *
 * A SQL file's checksum is the SHA-256 of its text, with CRLF and CR line endings read as LF and without a leading
 * byte order mark. A method's checksum is computed by the annotation processor from the method's syntax tree, so
 * that formatting and comments do not change it; methods compiled without one have none. A succeeded migration is
 * {@link MigrationState#CHANGED} when both its current and its recorded checksum are known and differ.
 * {@link #acceptChecksums(String...)} records the current checksums.
 *
 * <h2>Status and dry run</h2>
 *
 * {@link #status()} tells where every migration stands, and {@link #plan()} what a run would run now. Neither writes
 * anything: they create no tracking table (a missing one means that nothing has run), take no lock and begin no
 * transaction.
 *
 * <h2>Transactions</h2>
 *
 * A migration must leave transaction control to the runner: it must not commit or roll back the handle or the
 * connection it is given. Given a {@code Jdbi}, the runner begins and commits through its transaction handler; given a
 * {@code DataSource}, on the connection itself (so {@code Handle.afterCommit} callbacks do not run there).
 * On PostgreSQL each migration's transaction runs at {@code READ COMMITTED}, PostgreSQL's default (a database with
 * another default gets {@code SET TRANSACTION ISOLATION LEVEL READ COMMITTED}), so that a claim that waited sees what
 * the runner it waited for committed. The runner keeps no session state
 * between transactions, so it works behind a pooler in transaction mode (PgBouncer). The connections of the
 * {@link Jdbi} or {@link DataSource} must start in auto-commit mode, as JDBC connections do by default. A SQL file runs in its migration's transaction
 * like a method: it must not contain {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK} (such a statement fails the
 * migration before any of the file runs), and statements that cannot run in a transaction ({@code CREATE INDEX
 * CONCURRENTLY}, {@code VACUUM}) fail.
 *
 * <h2>Logging</h2>
 *
 * Through SLF4J, on the logger {@code dev.godwit.runtime.MigrationRunner}: a line at INFO for each migration applied,
 * one at ERROR with the cause for each failure, one at WARN for each changed migration, one summary per run (WARN if
 * anything failed), and DEBUG for the migrations skipped, so a start with nothing to do logs the summary only. Every
 * line about a migration names it, and while a migration runs its ID is in the {@link org.slf4j.MDC} under
 * {@value #MDC_KEY}. A migration's own logger ({@link MigrationContext#logger()}) is named
 * {@code dev.godwit.migration.<id>}. {@linkplain Builder#listener(MigrationListener) Listeners} hear about each
 * migration as it runs.
 *
 * <p>Instances are immutable and thread-safe; {@link #runAll()} can be called any number of times. Listeners are
 * called on the thread that runs the migrations.
 */
public final class MigrationRunner {

    /** The {@link org.slf4j.MDC} key that holds the ID of the running migration while it runs. */
    public static final String MDC_KEY = "godwit.migration";

    /** How long a runner waits for a migration another runner is running, unless told otherwise. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    /**
     * The longest lock timeout, {@link Integer#MAX_VALUE} milliseconds (24 days): PostgreSQL's {@code lock_timeout} and
     * SQLite's busy timeout are {@code int} milliseconds.
     */
    public static final Duration MAX_LOCK_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** The {@code Jdbi} or the {@code DataSource} the runner was built with; the other is {@code null}. */
    private final Jdbi jdbi;

    private final DataSource dataSource;
    private final RunnerSettings settings;

    private MigrationRunner(Jdbi jdbi, DataSource dataSource, RunnerSettings settings) {
        this.jdbi = jdbi;
        this.dataSource = dataSource;
        this.settings = settings;
    }

    private MigrationRun run() {
        return jdbi != null ? MigrationRun.of(jdbi, settings) : MigrationRun.of(dataSource, settings);
    }

    /**
     * Runs every pending migration of every registry and SQL file on the class path, with the default options.
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
     * Returns where every migration stands, with the default options; writes nothing.
     *
     * <p>The same as {@code builder(jdbi).build().status()}.
     *
     * @param jdbi how to connect to the database (PostgreSQL or SQLite)
     * @return every migration known from code, SQL files or the tracking table, in ID order
     * @throws GodwitException if the migrations or the database cannot be read; see {@link #status()}
     */
    public static List<MigrationStatus> status(Jdbi jdbi) {
        return builder(jdbi).build().status();
    }

    /**
     * Returns what {@link #runAll(Jdbi)} would run now, with the default options; writes nothing.
     *
     * <p>The same as {@code builder(jdbi).build().plan()}.
     *
     * @param jdbi how to connect to the database (PostgreSQL or SQLite)
     * @return the migrations a run would run, in the order it would run them
     * @throws GodwitException if the migrations or the database cannot be read; see {@link #plan()}
     */
    public static List<MigrationStatus> plan(Jdbi jdbi) {
        return builder(jdbi).build().plan();
    }

    /**
     * Runs every pending migration, with the default options, on connections of a {@code DataSource}.
     *
     * <p>The same as {@code builder(dataSource).build().runAll()}. Migrations that take a JDBI {@code Handle} get
     * one; JDBI is started only when one asks for it, so a start with nothing pending costs no more than its two
     * queries, and SQL files and migrations that take a {@code Connection} never start it.
     *
     * @param dataSource how to connect to the database (PostgreSQL or SQLite), such as the application's pool
     * @return what ran, what failed and why, and what had already run
     * @throws GodwitException if the run could not be carried out; see {@link #runAll()}
     */
    public static MigrationReport runAll(DataSource dataSource) {
        return builder(dataSource).build().runAll();
    }

    /**
     * Returns where every migration stands, with the default options, on a connection of a {@code DataSource}; writes
     * nothing.
     *
     * <p>The same as {@code builder(dataSource).build().status()}.
     *
     * @param dataSource how to connect to the database (PostgreSQL or SQLite), such as the application's pool
     * @return every migration known from code, SQL files or the tracking table, in ID order
     * @throws GodwitException if the migrations or the database cannot be read; see {@link #status()}
     */
    public static List<MigrationStatus> status(DataSource dataSource) {
        return builder(dataSource).build().status();
    }

    /**
     * Returns what {@link #runAll(DataSource)} would run now, with the default options; writes nothing.
     *
     * <p>The same as {@code builder(dataSource).build().plan()}.
     *
     * @param dataSource how to connect to the database (PostgreSQL or SQLite), such as the application's pool
     * @return the migrations a run would run, in the order it would run them
     * @throws GodwitException if the migrations or the database cannot be read; see {@link #plan()}
     */
    public static List<MigrationStatus> plan(DataSource dataSource) {
        return builder(dataSource).build().plan();
    }

    /**
     * Starts configuring a runner that connects through a {@code Jdbi}: migrations get handles with its
     * configuration, and {@link MigrationContext#jdbi()} is this {@code Jdbi}.
     *
     * @param jdbi how to connect to the database (PostgreSQL or SQLite)
     * @return a builder with the default options
     */
    public static Builder builder(Jdbi jdbi) {
        return new Builder(Objects.requireNonNull(jdbi, "jdbi"), null);
    }

    /**
     * Starts configuring a runner that connects through a {@code DataSource}. It uses one of its connections at a
     * time, and a second one only while a non-transactional migration runs on PostgreSQL. It begins and commits the
     * transactions on the connection itself, and starts JDBI only when a migration asks for a {@code Handle} or a
     * {@code Jdbi}: handles have JDBI's default configuration, and {@link MigrationContext#jdbi()} is a {@code Jdbi}
     * over the same {@code DataSource}.
     *
     * @param dataSource how to connect to the database (PostgreSQL or SQLite), such as the application's pool
     * @return a builder with the default options
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(null, Objects.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * Runs every pending migration; see the class documentation for the steps.
     *
     * @return what ran, what failed and why, and what had already run; a failed migration is reported here, not
     *     thrown ({@link MigrationReport#throwIfFailed()})
     * @throws DuplicateRegistryException if two service resources list the same registry class name
     * @throws InvalidRegistryException if a registry cannot be loaded or breaks its contract
     * @throws InvalidSqlMigrationException if a SQL file is badly named or unreadable, or a SQL migration has no file
     *     for this database
     * @throws DuplicateMigrationException if two migrations have the same ID
     * @throws MigrationChangedException with {@linkplain Builder#strictChecksums(boolean) strict checksums}, if a
     *     succeeded migration has changed; nothing has run then
     * @throws InvalidConfigurationException if the connections are already in a transaction
     * @throws UnsupportedDatabaseException if the database is neither PostgreSQL nor SQLite
     * @throws DatabaseAccessException if no connection can be opened or a transaction cannot be begun or committed
     * @throws TrackingTableException if the tracking table cannot be created, read or written
     * @throws UnableToAcquireLockException if another runner held a migration longer than the lock timeout
     */
    public MigrationReport runAll() {
        return run().execute();
    }

    /**
     * Returns where every migration stands: each migration of code and SQL files, and each row of the tracking table
     * that is of neither ({@link MigrationState#UNKNOWN}), in natural ID order.
     *
     * <p>Writes nothing, not even the tracking table: a missing table means that every migration is
     * {@link MigrationState#PENDING}. It takes no lock and begins no transaction, so it may be called while a run is
     * under way, and sees what that run has committed.
     *
     * @return the status of every migration, in ID order
     * @throws DuplicateRegistryException if two service resources list the same registry class name
     * @throws InvalidRegistryException if a registry cannot be loaded or breaks its contract
     * @throws InvalidSqlMigrationException if a SQL file is badly named or unreadable, or a SQL migration has no file
     *     for this database
     * @throws DuplicateMigrationException if two migrations have the same ID
     * @throws InvalidConfigurationException if the connections are already in a transaction
     * @throws UnsupportedDatabaseException if the database is neither PostgreSQL nor SQLite
     * @throws DatabaseAccessException if no connection can be opened
     * @throws TrackingTableException if the tracking table cannot be read
     */
    public List<MigrationStatus> status() {
        return run().status();
    }

    /**
     * Returns what {@link #runAll()} would run now, a dry run: the {@link MigrationState#PENDING} and
     * {@link MigrationState#FAILED} migrations, in the order a run would run them. {@link MigrationState#CHANGED}
     * migrations are not in it, as a run does not run them again.
     *
     * <p>Writes nothing, not even the tracking table: a missing table means that every migration is pending. It takes
     * no lock and begins no transaction.
     *
     * @return the migrations a run would run, in order
     * @throws MigrationChangedException with {@linkplain Builder#strictChecksums(boolean) strict checksums}, if a
     *     succeeded migration has changed: a run would run nothing and throw it too
     * @throws GodwitException as {@link #status()} does
     */
    public List<MigrationStatus> plan() {
        return run().plan();
    }

    /**
     * Accepts changed migrations: records the current checksum of succeeded migrations as theirs, so that they are no
     * longer {@link MigrationState#CHANGED}. For a change that was made on purpose (a comment, a fix that must not
     * run again) after the migration had run; whatever the change should still do belongs in a new migration.
     *
     * <p>With no IDs, accepts every changed migration. With IDs, accepts each of them whose checksum differs from the
     * recorded one, including those recorded without a checksum; the others are left as they are. The checksums are
     * written in one transaction, which waits at most the {@linkplain Builder#lockTimeout(Duration) lock timeout} for a
     * migration that another runner has under way: on SQLite it takes the database's write lock first, on PostgreSQL
     * it waits for the migration's row. A row that the runner it waited for leaves as no success (an interval
     * migration's failed run, a deletion) keeps its checksum: with no IDs it is left out of the result and logged as a
     * warning; named among the IDs, it fails the call as a migration that has not succeeded does. Nothing else is
     * written; a missing tracking table is not created.
     *
     * @param ids the IDs of the migrations whose changes to accept, or none for every changed migration
     * @return the status of each migration whose checksum was recorded, as it was before: its {@link
     *     MigrationStatus#recordedChecksum()} is the replaced checksum and its {@link MigrationStatus#checksum()} the
     *     new one; in ID order, empty if nothing changed
     * @throws ChecksumAcceptanceException if an ID is of no migration in code or SQL files, or of one that has not
     *     succeeded; nothing is written then
     * @throws UnableToAcquireLockException if another runner held the database's write lock (SQLite) or a
     *     migration's row (PostgreSQL) longer than the lock timeout; nothing is written then
     * @throws GodwitException as {@link #status()} does, and a {@link TrackingTableException} if the table cannot be
     *     written
     */
    public List<MigrationStatus> acceptChecksums(String... ids) {
        Objects.requireNonNull(ids, "ids");
        for (String id : ids) {
            Objects.requireNonNull(id, "ids must not hold null");
        }
        return run().acceptChecksums(List.of(ids));
    }

    /**
     * The options of a {@link MigrationRunner}. Every option has a default, so {@code builder(jdbi).build()} is a
     * complete runner. Not thread-safe; {@link #build()} may be called more than once.
     */
    public static final class Builder {

        private final Jdbi jdbi;
        private final DataSource dataSource;
        private TableName table = TableName.DEFAULT;
        private List<MigrationRegistry> registries;
        private ClassLoader classLoader;
        private String sqlLocation = SqlLocation.DEFAULT;
        private boolean strictChecksums;
        private final List<MigrationListener> listeners = new ArrayList<>();
        private Function<Class<?>, ?> instances;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private Clock clock = Clock.systemUTC();

        private Builder(Jdbi jdbi, DataSource dataSource) {
            this.jdbi = jdbi;
            this.dataSource = dataSource;
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
         * Sets the class loader whose resources hold the SQL migrations and whose {@code META-INF/services} resources
         * list the registries; default the thread's context class loader at the time of the run, or else the one
         * that loaded Godwit. When {@linkplain #registries(MigrationRegistry...) registries are given}, it is used for
         * the SQL migrations only.
         *
         * @param classLoader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Sets the class path folder that holds the SQL migrations; default {@code db/migration}. Every folder and
         * jar on the class path may have one; the {@code .sql} files directly in it are migrations.
         *
         * @param location a resource path such as {@code db/migration}: folder names of {@code [A-Za-z0-9_.-]}
         *     separated by {@code /}, without a leading or trailing {@code /}
         * @return this builder
         * @throws InvalidConfigurationException if {@code location} is not of that form
         */
        public Builder sqlLocation(String location) {
            this.sqlLocation = SqlLocation.check(Objects.requireNonNull(location, "location"));
            return this;
        }

        /**
         * Sets whether a succeeded migration that has changed since it ran (its checksum differs from the recorded
         * one) stops the run with a {@link MigrationChangedException} before anything runs; default {@code false}:
         * a warning is logged for each, and the run goes on without running them again.
         *
         * @param strict {@code true} to stop the run on a changed migration
         * @return this builder
         */
        public Builder strictChecksums(boolean strict) {
            this.strictChecksums = strict;
            return this;
        }

        /**
         * Adds a listener that hears about each migration the run attempts and about the end of the run. May be
         * called more than once; listeners are called in the order they were added.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(MigrationListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
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
         * Sets how long a runner waits for a migration that another runner (another process, or another connection)
         * is running; default 10 minutes. When the wait expires, the run stops with an {@link
         * UnableToAcquireLockException} that names the migration and, on PostgreSQL, the session that holds it (its
         * pid, {@code application_name}, state, and how long its transaction has been open).
         *
         * <p>Set it longer than your longest migration, so that runners that start together wait for each other
         * instead of failing. The wait ends at once when the other runner commits, fails or dies. On PostgreSQL it is
         * {@code lock_timeout} for the claim of the migration's tracking row and for the transaction of {@link
         * MigrationRunner#acceptChecksums(String...)} (the migration's own statements keep the session's {@code
         * lock_timeout}); on SQLite, the connection's busy timeout for the run.
         *
         * @param timeout the longest wait; positive, and at most {@link MigrationRunner#MAX_LOCK_TIMEOUT} (24 days),
         *     what PostgreSQL's {@code lock_timeout} and SQLite's busy timeout hold; a part of a millisecond counts as
         *     one
         * @return this builder
         * @throws InvalidConfigurationException if {@code timeout} is zero, negative, or longer than that
         */
        public Builder lockTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_LOCK_TIMEOUT) > 0) {
                throw new InvalidConfigurationException("Invalid lock timeout " + timeout
                        + " given to MigrationRunner.Builder.lockTimeout(Duration): it must be positive and at most "
                        + MAX_LOCK_TIMEOUT.toMillis() + " ms (24 days), such as Duration.ofMinutes(10), the default.");
            }
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Sets the clock that tells the time of the run: the {@code executed_at} written to the tracking table, and
         * whether an interval migration ({@code @Migration(runUntil = ...)}) is still active; default the system
         * clock in UTC. For tests, a {@link Clock#fixed fixed clock} puts a run before or after a threshold without
         * waiting.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Creates the runner. It is bound to the {@code Jdbi} or {@code DataSource} the builder was started with.
         *
         * @return a runner with these options
         */
        public MigrationRunner build() {
            return new MigrationRunner(
                    jdbi,
                    dataSource,
                    new RunnerSettings(
                            table,
                            registries,
                            classLoader,
                            sqlLocation,
                            strictChecksums,
                            List.copyOf(listeners),
                            instances,
                            clock,
                            lockTimeout));
        }
    }
}
