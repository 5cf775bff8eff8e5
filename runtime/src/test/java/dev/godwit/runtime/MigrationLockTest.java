package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.internal.database.PostgresAdvisoryLock;
import dev.godwit.runtime.internal.database.TableName;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lock a migration's transaction takes first: held while the body runs, gone with the transaction. */
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
            seen.add("busy timeout restored: "
                    + invocation
                            .handle()
                            .createQuery("PRAGMA busy_timeout")
                            .mapTo(Integer.class)
                            .one());
        });

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(1);
        assertThat(seen)
                .containsExactly("readers go on: 0", "another writer is kept out", "busy timeout restored: 3000");
        try (Connection other = database.connect();
                Statement statement = other.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 0");
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("ROLLBACK");
        }
    }

    @Test
    void postgresqlMigrationsHoldTheAdvisoryLockWhileTheyRun() throws SQLException {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        long key = PostgresAdvisoryLock.keyOf(TableName.DEFAULT);
        List<Boolean> lockFree = new ArrayList<>();
        TestRegistry registry = new TestRegistry().add("v1", invocation -> lockFree.add(tryLock(database, key)));

        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();

        assertThat(lockFree).containsExactly(false);
        assertThat(tryLock(database, key)).isTrue();
    }

    @Test
    void postgresqlMigrationsRunAtReadCommittedWhateverTheDatabaseDefault() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        database.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_isolation = %L',"
                + " current_database(), 'serializable'); END $$");
        List<String> isolation = new ArrayList<>();
        TestRegistry registry = new TestRegistry()
                .add(
                        "v1",
                        invocation -> isolation.add(invocation
                                .handle()
                                .createQuery("SHOW transaction_isolation")
                                .mapTo(String.class)
                                .one()));

        MigrationRunner.builder(database.newJdbi()).registries(registry).build().runAll();

        assertThat(isolation).containsExactly("read committed");
        String sessionDefault = database.newJdbi()
                .withHandle(handle -> handle.createQuery("SHOW transaction_isolation")
                        .mapTo(String.class)
                        .one());
        assertThat(sessionDefault).as("the session default is left alone").isEqualTo("serializable");
    }

    @Test
    void theAdvisoryLockKeyIsStableAndFollowsPostgresqlCaseFolding() {
        assertThat(PostgresAdvisoryLock.keyOf(TableName.parse("Godwit_Migrations")))
                .isEqualTo(PostgresAdvisoryLock.keyOf(TableName.DEFAULT));
        assertThat(PostgresAdvisoryLock.keyOf(TableName.parse("app.godwit_migrations")))
                .isNotEqualTo(PostgresAdvisoryLock.keyOf(TableName.DEFAULT));
        // Runners of every Godwit version on one database must agree on it: never change it.
        assertThat(PostgresAdvisoryLock.keyOf(TableName.DEFAULT)).isEqualTo(expectedDefaultKey());
    }

    private static long expectedDefaultKey() throws AssertionError {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest("godwit:godwit_migrations".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(hash).getLong();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
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
                .build()
                .runAll();

        assertThat(next.applied()).hasSize(1);
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
    }

    private static boolean tryLock(TestDatabase database, long key) {
        try (Handle handle = database.newJdbi().open()) {
            return handle.inTransaction(transaction -> transaction
                    .createQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .bind("key", key)
                    .mapTo(Boolean.class)
                    .one());
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet resultSet = statement.executeQuery(sql)) {
            resultSet.next();
            return resultSet.getLong(1);
        }
    }
}
