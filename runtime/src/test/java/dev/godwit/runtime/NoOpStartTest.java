package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start with nothing to do costs one query, whatever the number of migrations: the tracking table is read without
 * first asking the catalog whether it exists. Statements and transactions are counted on their way to the JDBC driver
 * ({@link StatementRecorder}).
 */
class NoOpStartTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void aStartWithEverythingAppliedRunsOneQuery(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry();
        for (int i = 1; i <= 20; i++) {
            registry.event("v" + i);
        }
        MigrationRunner.builder(database.jdbi()).registries(registry).build().runAll();
        StatementRecorder recorder = new StatementRecorder(database);
        TestRegistry again = new TestRegistry();
        for (int i = 1; i <= 20; i++) {
            again.add("v" + i, invocation -> {
                throw new AssertionError("must not run");
            });
        }

        MigrationReport report = MigrationRunner.builder(recorder.jdbi())
                .registries(again)
                .build()
                .runAll();

        assertThat(report.alreadyApplied()).hasSize(20);
        assertThat(again.runs()).isEmpty();
        assertThat(recorder.transactions).hasValue(0);
        // Every row: on SQLite, packed by the database into one value.
        assertThat(recorder.statements).hasSize(1);
        assertThat(recorder.statements.get(0))
                .startsWith(
                        kind == DatabaseKind.POSTGRESQL
                                ? "SELECT id, status, executed_at, execution_time_ms, error, checksum"
                                : "SELECT count(*), group_concat(")
                .endsWith(" FROM godwit_migrations");
    }

    @EachDatabase
    void aFirstStartAsksTheCatalogOnlyAfterTheReadFailsThenCreatesTheTableAndReadsItAgain(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        StatementRecorder recorder = new StatementRecorder(database);

        MigrationReport report = MigrationRunner.builder(recorder)
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(1);
        assertThat(database.statuses()).containsEntry("v1", "success");
        assertThat(recorder.statements.subList(0, 4))
                .satisfiesExactly(
                        read -> assertThat(read).endsWith(" FROM godwit_migrations"),
                        catalog -> assertThat(catalog)
                                .contains(kind == DatabaseKind.POSTGRESQL ? "to_regclass" : "sqlite_master"),
                        create -> assertThat(create).startsWith("CREATE TABLE IF NOT EXISTS godwit_migrations ("),
                        readAgain -> assertThat(readAgain).isEqualTo(recorder.statements.get(0)));
    }

    @EachDatabase
    void aTableThatAnotherRunnerCreatesAfterTheReadFailedIsReadAgain(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        AtomicBoolean otherRan = new AtomicBoolean();
        StatementRecorder recorder = new StatementRecorder(database).beforePrepare(sql -> {
            if (sql.contains(kind == DatabaseKind.POSTGRESQL ? "to_regclass" : "sqlite_master")
                    && !otherRan.getAndSet(true)) {
                // Between this runner's failed read and its look at the catalog, another creates the table and
                // applies v1.
                MigrationRunner.builder(database.jdbi())
                        .registries(new TestRegistry().event("v1"))
                        .build()
                        .runAll();
            }
        });

        MigrationReport report = MigrationRunner.builder(recorder)
                .registries(new TestRegistry().add("v1", invocation -> {
                    throw new AssertionError("must not run");
                }))
                .build()
                .runAll();

        assertThat(otherRan).isTrue();
        assertThat(report.alreadyApplied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.events()).containsExactly("v1");
    }

    @EachDatabase
    void aTableThatExistsButCannotBeReadIsReportedWithTheReadsError(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        database.execute("CREATE TABLE godwit_migrations (id VARCHAR(200) PRIMARY KEY)");

        assertThatThrownBy(() -> MigrationRunner.builder(database.jdbi())
                        .registries(new TestRegistry().event("v1"))
                        .build()
                        .runAll())
                .isInstanceOf(TrackingTableException.class)
                .hasMessageStartingWith("Could not read the tracking table godwit_migrations: ")
                .hasMessageContaining("status")
                .hasMessageEndingWith("choose another with MigrationRunner.Builder.table(String).");
        assertThat(database.events()).isEmpty();
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
        StatementRecorder recorder = new StatementRecorder(database);

        MigrationReport report = MigrationRunner.builder(recorder)
                .sqlLocation("sql/bookshop")
                .registries(new TestRegistry().add("v2_backfill_language", invocation -> {
                    throw new AssertionError("must not run");
                }))
                .build()
                .runAll();

        assertThat(report.alreadyApplied()).hasSize(4);
        assertThat(recorder.transactions).hasValue(0);
        assertThat(recorder.statements).hasSize(1);
    }

    @EachDatabase
    void eachPendingMigrationCostsOneTransactionAndTheirDurationsOneMore(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();
        StatementRecorder recorder = new StatementRecorder(database);

        MigrationRunner.builder(recorder.jdbi())
                .registries(new TestRegistry().event("v1").event("v2").event("v3"))
                .build()
                .runAll();

        assertThat(recorder.transactions).hasValue(2 + 1);
    }

    @EachDatabase
    void aStartThroughADataSourceWithEverythingAppliedRunsTheSameQueryOnOneConnection(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1").event("v2"))
                .build()
                .runAll();
        StatementRecorder recorder = new StatementRecorder(database);

        MigrationReport report = MigrationRunner.builder(recorder)
                .registries(new TestRegistry().event("v1").event("v2"))
                .build()
                .runAll();

        assertThat(report.alreadyApplied()).hasSize(2);
        assertThat(recorder.connections).hasValue(1);
        assertThat(recorder.transactions).hasValue(0);
        assertThat(recorder.statements).hasSize(1);
    }

    @EachDatabase
    void aStartThroughADataSourceRunsPendingMigrationsOnTheSameConnection(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        StatementRecorder recorder = new StatementRecorder(database);

        MigrationReport report = MigrationRunner.builder(recorder)
                .registries(new TestRegistry().event("v1").event("v2"))
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(2);
        assertThat(database.events()).containsExactly("v1", "v2");
        assertThat(database.statuses()).containsValues("success", "success");
        assertThat(recorder.connections).hasValue(1);
        // One per migration, and one that writes their durations.
        assertThat(recorder.transactions).hasValue(2 + 1);
    }

    @EachDatabase
    void aHandlesJdbiThroughADataSourceOpensConnectionsOfItsOwn(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        StatementRecorder recorder = new StatementRecorder(database);
        List<Boolean> sameConnection = new ArrayList<>();

        MigrationReport report = MigrationRunner.builder(recorder)
                .registries(new TestRegistry().add("v1", invocation -> {
                    try (org.jdbi.v3.core.Handle other =
                            invocation.handle().getJdbi().open()) {
                        sameConnection.add(
                                other.getConnection() == invocation.handle().getConnection());
                    }
                }))
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(1);
        assertThat(sameConnection).containsExactly(false);
        assertThat(recorder.connections).hasValue(2);
    }

    /**
     * In a JVM of its own, where nothing else has loaded JDBI: a start through a {@code DataSource} with everything
     * applied loads no JDBI class at all, and one with migrations pending does.
     */
    @EachDatabase
    void aStartThroughADataSourceWithNothingPendingLoadsNoJdbiClass(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);

        List<String> first = startProcess(database, tempDir.resolve("first-classes.log"));
        List<String> second = startProcess(database, tempDir.resolve("second-classes.log"));

        assertThat(first).contains("RESULT 20 0");
        assertThat(Files.readAllLines(tempDir.resolve("first-classes.log")))
                .anyMatch(line -> line.contains("org.jdbi.v3.core.Handle "));
        assertThat(second).contains("RESULT 0 20");
        assertThat(Files.readAllLines(tempDir.resolve("second-classes.log")))
                .anyMatch(line -> line.contains("dev.godwit.runtime.MigrationRunner "))
                .noneMatch(line -> line.contains("org.jdbi."));
    }

    /**
     * In a JVM of its own: a start through a {@code DataSource} whose pending migrations take a {@code Connection},
     * or are SQL files, runs them without loading any JDBI class.
     */
    @EachDatabase
    void aStartThroughADataSourceRunsJdbcAndSqlMigrationsWithoutJdbi(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        Path sqlFolder = SqlFiles.folder(
                tempDir.resolve("classes"),
                "v21.sql",
                "INSERT INTO events (name) VALUES ('v21');\nINSERT INTO events (name) VALUES ('v21 again');");

        List<String> jdbc = startProcess(database, tempDir.resolve("jdbc-classes.log"), "connection");
        List<String> sql = startProcess(database, tempDir.resolve("sql-classes.log"), "sql", sqlFolder.toString());

        assertThat(jdbc).contains("RESULT 20 0");
        assertThat(sql).contains("RESULT 1 0");
        assertThat(database.events()).hasSize(22).contains("v1", "v20", "v21", "v21 again");
        assertThat(database.statuses().values()).hasSize(21).containsOnly("success");
        for (String log : List.of("jdbc-classes.log", "sql-classes.log")) {
            assertThat(Files.readAllLines(tempDir.resolve(log)))
                    .as(log)
                    .anyMatch(line -> line.contains("dev.godwit.runtime.internal.MigrationExecutor "))
                    .noneMatch(line -> line.contains("org.jdbi."));
        }
    }

    private static List<String> startProcess(TestDatabase database, Path classLog, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + classLog,
                "-cp",
                System.getProperty("java.class.path"),
                DataSourceStartProcess.class.getName(),
                database.url()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
