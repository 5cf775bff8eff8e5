package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations that work on their JDBC connection ({@code static void m(Connection connection)}), and how that
 * connection and the migration's JDBI handle share its transaction, through a {@code DataSource} (where the runner
 * begins and commits the transactions itself) and through a {@code Jdbi} (where its transaction handler does).
 */
class ConnectionMigrationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void aMigrationOnItsConnectionCommitsWithItsRecord(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport throughDataSource = MigrationRunner.builder(new StatementRecorder(database))
                .registries(new TestRegistry().jdbcEvent("v1").jdbcEvent("v2"))
                .build()
                .runAll();
        MigrationReport throughJdbi = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().jdbcEvent("v1").jdbcEvent("v2").jdbcEvent("v3"))
                .build()
                .runAll();

        assertThat(throughDataSource.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(throughJdbi.applied()).extracting(MigrationResult::id).containsExactly("v3");
        assertThat(database.events()).containsExactly("v1", "v2", "v3");
        assertThat(database.statuses().values()).containsOnly("success").hasSize(3);
    }

    @EachDatabase
    void aFailingMigrationOnItsConnectionLeavesNothingBehindAndTheRunCarriesOn(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = MigrationRunner.builder(new StatementRecorder(database))
                .registries(new TestRegistry()
                        .add("v1", invocation -> {
                            TestRegistry.insertEventThroughJdbc(invocation, "v1");
                            throw new IllegalStateException("v1 breaks after its insert");
                        })
                        .jdbcEvent("v2"))
                .build()
                .runAll();

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v2");
        assertThat(database.events()).containsExactly("v2");
        assertThat(database.statuses()).containsEntry("v1", "failed").containsEntry("v2", "success");
        assertThat(database.error("v1"))
                .hasValueSatisfying(error -> assertThat(error).contains("v1 breaks after its insert"));
    }

    @EachDatabase
    void theConnectionIsTheOneUnderTheHandle(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        List<Boolean> same = new ArrayList<>();

        MigrationRunner.builder(new StatementRecorder(database))
                .registries(new TestRegistry().add("v1", invocation -> {
                    Connection connection = invocation.connection();
                    same.add(invocation.handle().getConnection() == connection);
                    same.add(invocation.context().connection() == connection);
                }))
                .build()
                .runAll()
                .throwIfFailed();

        assertThat(same).containsExactly(true, true);
    }

    /**
     * A JDBI transaction that a migration begins on its handle joins the runner's transaction, whether or not the
     * runner began it through JDBI: it commits nothing of its own, so a failure later in the migration undoes it.
     */
    @EachDatabase
    void aJdbiTransactionInsideAMigrationJoinsItsTransaction(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry.Body body = invocation -> {
            invocation.handle().useTransaction(handle -> handle.execute("INSERT INTO events (name) VALUES ('inner')"));
            throw new IllegalStateException("fails after its inner transaction");
        };

        MigrationReport throughDataSource = MigrationRunner.builder(new StatementRecorder(database))
                .registries(new TestRegistry().add("v1", body))
                .build()
                .runAll();
        MigrationReport throughJdbi = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().add("v1", body))
                .build()
                .runAll();

        assertThat(throughDataSource.failed()).hasSize(1);
        assertThat(throughJdbi.failed()).hasSize(1);
        assertThat(database.events()).isEmpty();
        assertThat(database.statuses()).containsEntry("v1", "failed");
    }

    /**
     * A non-transactional migration that begins a transaction, on its handle or on its connection, and does not end
     * it fails: the transaction is rolled back, so that the runner's next transaction does not commit its work.
     */
    @EachDatabase
    void aNonTransactionalMigrationThatLeavesATransactionOpenFailsAndItsWorkIsRolledBack(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry()
                .nonTransactional("v1", invocation -> {
                    invocation.handle().begin();
                    TestRegistry.insertEvent(invocation, "v1");
                })
                .nonTransactional("v2", invocation -> {
                    invocation.connection().setAutoCommit(false);
                    TestRegistry.insertEventThroughJdbc(invocation, "v2");
                })
                .event("v3");

        MigrationReport throughDataSource = MigrationRunner.builder(new StatementRecorder(database))
                .registries(registry)
                .build()
                .runAll();
        database.execute("DELETE FROM godwit_migrations");
        database.execute("DELETE FROM events");
        MigrationReport throughJdbi = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        for (MigrationReport report : List.of(throughDataSource, throughJdbi)) {
            assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1", "v2");
            assertThat(report.failed())
                    .allSatisfy(failed -> assertThat(failed.error().orElseThrow())
                            .hasMessageContaining("left its connection in a transaction (auto-commit off)"));
            assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v3");
        }
        assertThat(database.events()).containsExactly("v3");
        assertThat(database.statuses())
                .containsEntry("v1", "failed")
                .containsEntry("v2", "failed")
                .containsEntry("v3", "success");
    }

    /**
     * Through a {@code DataSource}, the handle of a migration may first be opened inside the runner's transaction; a
     * later non-transactional migration still gets a handle whose own transactions begin and commit, and the runner's
     * connection is back in auto-commit mode after it.
     */
    @EachDatabase
    void aNonTransactionalMigrationAfterAHandleOpenedInATransactionRunsItsOwnTransactions(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        List<Boolean> autoCommit = new ArrayList<>();

        MigrationReport report = MigrationRunner.builder(new StatementRecorder(database))
                .registries(new TestRegistry()
                        .event("v1")
                        .nonTransactional("v2", invocation -> {
                            autoCommit.add(invocation.connection().getAutoCommit());
                            invocation
                                    .handle()
                                    .useTransaction(
                                            handle -> handle.execute("INSERT INTO events (name) VALUES ('v2')"));
                            autoCommit.add(invocation.connection().getAutoCommit());
                        })
                        .add("v3", invocation -> {
                            TestRegistry.insertEvent(invocation, "v3");
                            throw new IllegalStateException("v3 fails");
                        })
                        .event("v4"))
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2", "v4");
        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v3");
        assertThat(autoCommit).containsExactly(true, true);
        assertThat(database.events()).containsExactly("v1", "v2", "v4");
    }
}
