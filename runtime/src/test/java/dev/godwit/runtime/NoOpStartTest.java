package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start with nothing to do costs the tracking table's creation check and one query, whatever the number of
 * migrations. Statements are counted by JDBI itself ({@link SqlLogger} sees every statement it executes) and
 * transactions by its transaction handler.
 */
class NoOpStartTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    /** Counts what JDBI does on the connections of one {@code Jdbi}. */
    static final class Recorder implements SqlLogger {
        final List<String> statements = new CopyOnWriteArrayList<>();
        final AtomicInteger transactions = new AtomicInteger();

        Recorder(Jdbi jdbi) {
            jdbi.getConfig(SqlStatements.class).setSqlLogger(this);
            jdbi.setTransactionHandler(new DelegatingTransactionHandler(jdbi.getTransactionHandler()) {
                @Override
                public void begin(Handle handle) {
                    transactions.incrementAndGet();
                    super.begin(handle);
                }
            });
        }

        @Override
        public void logBeforeExecution(StatementContext context) {
            statements.add(context.getRenderedSql());
        }
    }

    @EachDatabase
    void aStartWithEverythingAppliedRunsTheCreationCheckAndOneQuery(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry();
        for (int i = 1; i <= 20; i++) {
            registry.event("v" + i);
        }
        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();
        Jdbi jdbi = database.newJdbi();
        Recorder recorder = new Recorder(jdbi);
        TestRegistry again = new TestRegistry();
        for (int i = 1; i <= 20; i++) {
            again.add("v" + i, invocation -> {
                throw new AssertionError("must not run");
            });
        }

        MigrationReport report =
                MigrationRunner.builder(jdbi).registries(again).build().runAll();

        assertThat(report.alreadyApplied()).hasSize(20);
        assertThat(again.runs()).isEmpty();
        assertThat(recorder.transactions).hasValue(0);
        assertThat(recorder.statements).hasSize(2);
        assertThat(recorder.statements.get(0))
                .contains(kind == DatabaseKind.POSTGRESQL ? "to_regclass" : "sqlite_master");
        assertThat(recorder.statements.get(1))
                .isEqualTo("SELECT id, status, executed_at, execution_time_ms, error, checksum FROM godwit_migrations");
    }

    @EachDatabase
    void sqlMigrationsAddNoStatementToAStartWithEverythingApplied(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .sqlLocation("sql/bookshop")
                .registries(new TestRegistry()
                        .add(
                                "v2_backfill_language",
                                invocation -> invocation
                                        .handle()
                                        .execute("UPDATE books SET language = 'en' WHERE language IS NULL")))
                .build()
                .runAll();
        Jdbi jdbi = database.newJdbi();
        Recorder recorder = new Recorder(jdbi);

        MigrationReport report = MigrationRunner.builder(jdbi)
                .sqlLocation("sql/bookshop")
                .registries(new TestRegistry().add("v2_backfill_language", invocation -> {
                    throw new AssertionError("must not run");
                }))
                .build()
                .runAll();

        assertThat(report.alreadyApplied()).hasSize(4);
        assertThat(recorder.transactions).hasValue(0);
        assertThat(recorder.statements).hasSize(2);
    }

    @EachDatabase
    void eachPendingMigrationCostsOneTransaction(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();
        Jdbi jdbi = database.newJdbi();
        Recorder recorder = new Recorder(jdbi);

        MigrationRunner.builder(jdbi)
                .registries(new TestRegistry().event("v1").event("v2").event("v3"))
                .build()
                .runAll();

        assertThat(recorder.transactions).hasValue(2);
    }
}
