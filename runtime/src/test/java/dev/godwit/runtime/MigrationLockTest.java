package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The claim of a migration's tracking row, its transaction's first statement: held while the body runs, gone with
 * the transaction, its wait bounded by the lock timeout.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MigrationLockTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @ParameterizedTest(name = "journal_mode={0}")
    @ValueSource(strings = {"DELETE", "WAL"})
    void sqliteMigrationsHoldTheWriteLockWhileTheyRun(String journalMode) throws SQLException {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        database.execute("PRAGMA journal_mode = " + journalMode);
        List<String> seen = new ArrayList<>();
        TestRegistry registry = new TestRegistry().add("v1", invocation -> {
            try (Connection other = database.connect();
                    Statement statement = other.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 0");
                seen.add("readers go on: " + count(statement, "SELECT count(*) FROM godwit_migrations"));
                assertThatThrownBy(() -> statement.execute("BEGIN IMMEDIATE")).hasMessageContaining("SQLITE_BUSY");
                seen.add("another writer is kept out");
            }
            seen.add("busy timeout: "
                    + invocation
                            .handle()
                            .createQuery("PRAGMA busy_timeout")
                            .mapTo(Integer.class)
                            .one());
        });

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .lockTimeout(Duration.ofSeconds(42))
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(1);
        assertThat(seen).containsExactly("readers go on: 0", "another writer is kept out", "busy timeout: 42000");
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void postgresqlMigrationsHoldTheClaimOfTheirRowWhileTheyRun() throws SQLException {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        List<Boolean> claimable = new ArrayList<>();
        TestRegistry registry = new TestRegistry().add("v1", invocation -> claimable.add(canInsertRow(database)));

        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();

        assertThat(claimable).containsExactly(false);
        assertThat(canInsertRow(database)).isTrue();
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
    }

    @Test
    void postgresqlMigrationsRunAtReadCommittedWhateverTheDatabaseDefault() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        database.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_isolation = %L',"
                + " current_database(), 'serializable'); END $$");
        List<String> isolation = new ArrayList<>();
        TestRegistry registry = new TestRegistry()
                .add("v1", invocation -> isolation.add(show(invocation, "transaction_isolation")))
                .add("v2", invocation -> isolation.add(show(invocation, "transaction_isolation")));

        MigrationRunner.builder(database.newJdbi()).registries(registry).build().runAll();

        assertThat(isolation).containsExactly("read committed", "read committed");
        String sessionDefault = database.newJdbi()
                .withHandle(handle -> handle.createQuery("SHOW transaction_isolation")
                        .mapTo(String.class)
                        .one());
        assertThat(sessionDefault).as("the session default is left alone").isEqualTo("serializable");
    }

    @Test
    void postgresqlMigrationBodiesKeepTheSessionsLockTimeout() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        database.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET lock_timeout = %L',"
                + " current_database(), '7s'); END $$");
        List<String> lockTimeouts = new ArrayList<>();
        TestRegistry registry = new TestRegistry()
                .add("v1", invocation -> lockTimeouts.add(show(invocation, "lock_timeout")))
                .add("v2", invocation -> lockTimeouts.add(show(invocation, "lock_timeout")));

        MigrationRunner.builder(database.newJdbi())
                .registries(registry)
                .lockTimeout(Duration.ofSeconds(3))
                .build()
                .runAll();

        assertThat(lockTimeouts).containsExactly("7s", "7s");
    }

    @EachDatabase
    void theLockEndsWithAFailedMigrationsTransaction(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().failing("v1", "boom"))
                .build()
                .runAll();

        MigrationReport next = MigrationRunner.builder(database.newJdbi())
                .registries(new TestRegistry().event("v1"))
                .lockTimeout(Duration.ofSeconds(5))
                .build()
                .runAll();

        assertThat(next.applied()).hasSize(1);
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
    }

    @EachDatabase
    void aRunnerThatWaitsLongerThanTheLockTimeoutFailsNamingTheMigrationAndTheHolder(DatabaseKind kind)
            throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        String holderUrl = kind == DatabaseKind.POSTGRESQL
                ? database.url() + "&ApplicationName=godwit-lock-holder"
                : database.url();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        long[] holderPid = new long[1];
        CompletableFuture<MigrationReport> holder =
                CompletableFuture.supplyAsync(() -> MigrationRunner.builder(Jdbi.create(holderUrl))
                        .registries(new TestRegistry().add("v1", invocation -> {
                            if (kind == DatabaseKind.POSTGRESQL) {
                                holderPid[0] = invocation
                                        .handle()
                                        .createQuery("SELECT pg_backend_pid()")
                                        .mapTo(Long.class)
                                        .one();
                            }
                            running.countDown();
                            release.await(60, TimeUnit.SECONDS);
                            TestRegistry.insertEvent(invocation, "v1");
                        }))
                        .build()
                        .runAll());
        assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

        try {
            assertThatThrownBy(() -> MigrationRunner.builder(database.newJdbi())
                            .registries(new TestRegistry().event("v1"))
                            .lockTimeout(Duration.ofMillis(500))
                            .build()
                            .runAll())
                    .isInstanceOfSatisfying(UnableToAcquireLockException.class, e -> {
                        assertThat(e.migrationId()).isEqualTo("v1");
                        assertThat(e.getMessage()).contains("Migration v1 waited 500 ms", "lockTimeout", "has not run");
                        if (kind == DatabaseKind.POSTGRESQL) {
                            assertThat(e.getMessage())
                                    .contains(
                                            "pid " + holderPid[0],
                                            "'godwit-lock-holder'",
                                            "idle in transaction",
                                            "in a transaction open for");
                        } else {
                            assertThat(e.getMessage()).contains("another connection holds the database's write lock");
                        }
                    });
            // A timeout under a millisecond waits one, as the message says.
            assertThatThrownBy(() -> MigrationRunner.builder(database.newJdbi())
                            .registries(new TestRegistry().event("v1"))
                            .lockTimeout(Duration.ofNanos(300_000))
                            .build()
                            .runAll())
                    .isInstanceOf(UnableToAcquireLockException.class)
                    .hasMessageContaining("Migration v1 waited 1 ms for another runner");
        } finally {
            release.countDown();
        }

        assertThat(holder.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
        assertThat(database.events()).containsExactly("v1");
    }

    @Test
    void theLockTimeoutMustBePositiveAndFitTheDatabases() {
        MigrationRunner.Builder builder = MigrationRunner.builder(Jdbi.create("jdbc:sqlite::memory:"));
        assertThatThrownBy(() -> builder.lockTimeout(Duration.ZERO))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("lockTimeout");
        assertThatThrownBy(() -> builder.lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidConfigurationException.class);
        // Neither database holds a longer one, and the wait's deadline in nanoseconds would overflow.
        assertThatThrownBy(() -> builder.lockTimeout(Duration.ofMillis(Integer.MAX_VALUE + 1L)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("at most 2147483647 ms");
        assertThatThrownBy(() -> builder.lockTimeout(Duration.ofDays(200 * 365)))
                .isInstanceOf(InvalidConfigurationException.class);
        builder.lockTimeout(Duration.ofMillis(Integer.MAX_VALUE));
        builder.lockTimeout(Duration.ofNanos(1));
    }

    /** Whether another connection can insert the row of {@code v1} without waiting for the runner's claim. */
    private static boolean canInsertRow(TestDatabase database) throws SQLException {
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            statement.execute("SET lock_timeout = '200ms'");
            statement.execute("INSERT INTO godwit_migrations (id, status, executed_at, execution_time_ms)"
                    + " VALUES ('v1', 'failed', now(), 0) ON CONFLICT (id) DO NOTHING");
            return true;
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private static String show(MigrationInvocation invocation, String setting) {
        return invocation
                .handle()
                .createQuery("SHOW " + setting)
                .mapTo(String.class)
                .one();
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }
}
