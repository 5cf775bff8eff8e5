package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.MigrationResult.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void runsMigrationsInNaturalIdOrderWhateverTheRegistryOrder(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry()
                .event("v10")
                .event("v2")
                .event("v1")
                .event("v1.10")
                .event("v1.2");

        MigrationReport report = run(database, registry);

        assertThat(registry.runs()).containsExactly("v1", "v1.2", "v1.10", "v2", "v10");
        assertThat(report.results())
                .extracting(MigrationResult::id)
                .containsExactly("v1", "v1.2", "v1.10", "v2", "v10");
        assertThat(report.applied()).hasSize(5);
        assertThat(database.events()).containsExactlyInAnyOrder("v1", "v1.2", "v1.10", "v2", "v10");
    }

    @EachDatabase
    void recordsEachSuccessWithItsTimeAndDuration(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        MigrationReport report =
                run(database, new TestRegistry().add("v1", slowEvent("v1")).event("v2"));

        Instant after = Instant.now();
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success", "v2", "success"));
        assertThat(database.error("v1")).isEmpty();
        MigrationResult v1 = report.results().get(0);
        assertThat(v1.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(v1.source()).isEqualTo("com.example.Migrations#v1");
        assertThat(v1.executedAt()).isBetween(before, after);
        assertThat(v1.error()).isEmpty();
        // The claim writes 0 ms; the run writes the durations at its end.
        assertThat(v1.duration()).isGreaterThanOrEqualTo(SLOW);
        assertThat(recordedMillis(database, "v1")).isEqualTo(v1.duration().toMillis());
        assertThat(recordedMillis(database, "v2"))
                .isEqualTo(report.results().get(1).duration().toMillis());
    }

    @EachDatabase
    void recordsTheDurationsOfARunLongerThanOneWriteOfThem(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry();
        // Durations are written every thousand successes and at the end: the first and the last are on either side.
        int count = 1001;
        AtomicLong v1SeenByTheLast = new AtomicLong(-1);
        for (int i = 1; i < count; i++) {
            String id = "v" + i;
            registry.add(id, i == 1 ? slowEvent(id) : invocation -> {});
        }
        registry.add("v" + count, invocation -> {
            // On a connection of its own: what the run has committed by now.
            v1SeenByTheLast.set(recordedMillis(database, "v1"));
            slowEvent("v" + count).run(invocation);
        });

        MigrationReport report = run(database, registry);

        assertThat(report.applied()).hasSize(count);
        assertThat(v1SeenByTheLast).hasValueGreaterThanOrEqualTo(SLOW.toMillis());
        assertThat(recordedMillis(database, "v1")).isGreaterThanOrEqualTo(SLOW.toMillis());
        assertThat(recordedMillis(database, "v" + count)).isGreaterThanOrEqualTo(SLOW.toMillis());
        for (MigrationResult result : report.results()) {
            assertThat(recordedMillis(database, result.id()))
                    .as(result.id())
                    .isEqualTo(result.duration().toMillis());
        }
    }

    @EachDatabase
    void leavesTheDurationOfARowThatAnotherRunnerHasWrittenSince(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        // v2 plays another runner that ran v1 again after this run committed it: its row is no longer this run's.
        TestRegistry registry = new TestRegistry()
                .add("v1", slowEvent("v1"))
                .add(
                        "v2",
                        invocation -> invocation
                                .handle()
                                .execute("UPDATE godwit_migrations SET executed_at = '2001-02-03T04:05:06.007Z',"
                                        + " execution_time_ms = 7 WHERE id = 'v1'"));

        MigrationReport report = run(database, registry);

        assertThat(report.applied()).hasSize(2);
        assertThat(report.results().get(0).duration()).isGreaterThanOrEqualTo(SLOW);
        assertThat(recordedMillis(database, "v1")).isEqualTo(7);
        assertThat(recordedMillis(database, "v2"))
                .isEqualTo(report.results().get(1).duration().toMillis());
    }

    @EachDatabase
    void aMigrationThatCommitsItselfAndThenThrowsLeavesWhatItCommitted(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().add("v1", invocation -> {
            TestRegistry.insertEventThroughJdbc(invocation, "v1");
            // What the README forbids: committing the runner's transaction, and the claim with it.
            invocation.connection().commit();
            throw new IllegalStateException("failed after its own commit");
        });

        MigrationReport report = run(database, registry);

        // The run reports the failure; the table keeps the success the claim wrote, as the README says.
        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
        assertThat(database.events()).containsExactly("v1");
    }

    @EachDatabase
    void aMigrationThatCatchesTheFailureOfItsStatementFailsWhereTheDatabaseAbortedItsTransaction(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = run(
                database,
                new TestRegistry()
                        .add("v1", MigrationRunnerTest::catchAFailedStatement)
                        .event("v2"));

        if (kind == DatabaseKind.POSTGRESQL) {
            // Committing would have rolled back v1 and its claim's success, and the driver would have said nothing.
            assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
            assertThat(report.failed().get(0).error())
                    .get(InstanceOfAssertFactories.THROWABLE)
                    .hasMessageStartingWith("Migration v1 returned normally, but one of its statements failed")
                    .hasMessageContaining("savepoint");
            assertThat(database.statuses()).isEqualTo(Map.of("v1", "failed", "v2", "success"));
            assertThat(database.error("v1")).get().asString().contains("aborted its transaction");
            assertThat(database.events()).containsExactly("v2");
        } else {
            // SQLite goes on after a failed statement: what the migration did besides commits, as it would anywhere.
            assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
            assertThat(database.statuses()).isEqualTo(Map.of("v1", "success", "v2", "success"));
            assertThat(database.events()).containsExactly("v1", "v2");
        }
    }

    @Test
    void aMigrationThatRollsBackToASavepointAfterAFailedStatementIsAppliedOnPostgresql() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        TestRegistry registry = new TestRegistry().add("v1", invocation -> {
            TestRegistry.insertEvent(invocation, "v1");
            invocation.handle().savepoint("optional");
            try {
                invocation.handle().execute("INSERT INTO no_such_table VALUES (1)");
            } catch (RuntimeException expected) {
                invocation.handle().rollbackToSavepoint("optional");
            }
        });

        MigrationReport report = run(database, registry);

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
        assertThat(database.events()).containsExactly("v1");
    }

    @Test
    void aConnectionThatDoesNotUnwrapToPostgresqlsDriverIsAskedWithAStatementWhetherItsTransactionIsAborted() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        StatementRecorder opaque = StatementRecorder.withoutUnwrapping(database);

        MigrationReport report = MigrationRunner.builder(opaque.jdbi())
                .registries(new TestRegistry()
                        .add("v1", MigrationRunnerTest::catchAFailedStatement)
                        .event("v2"))
                .build()
                .runAll();

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v2");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "failed", "v2", "success"));
        assertThat(database.events()).containsExactly("v2");
        // Once after each body: v1's fails, as its transaction is aborted; v2's succeeds.
        assertThat(opaque.statements).filteredOn("SELECT 1"::equals).hasSize(2);
    }

    /** A migration body that inserts its event, then catches the failure of a statement and returns normally. */
    private static void catchAFailedStatement(MigrationInvocation invocation) {
        TestRegistry.insertEvent(invocation, invocation.context().migrationId());
        try {
            invocation.handle().execute("INSERT INTO no_such_table VALUES (1)");
        } catch (RuntimeException expected) {
            // What the migration means to ignore; PostgreSQL does not.
        }
    }

    private static final Duration SLOW = Duration.ofMillis(40);

    /** A migration that writes its ID to the {@code events} table and takes at least {@link #SLOW}. */
    private static TestRegistry.Body slowEvent(String id) {
        return invocation -> {
            TestRegistry.insertEvent(invocation, id);
            Thread.sleep(SLOW.toMillis() + 1);
        };
    }

    private static long recordedMillis(TestDatabase database, String id) {
        return database.jdbi()
                .withHandle(
                        handle -> handle.createQuery("SELECT execution_time_ms FROM godwit_migrations WHERE id = :id")
                                .bind("id", id)
                                .mapTo(Long.class)
                                .one());
    }

    @EachDatabase
    void skipsMigrationsThatSucceededAndReportsTheirRecordedTime(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationReport first = run(database, new TestRegistry().event("v1"));
        TestRegistry again = new TestRegistry().event("v1");

        MigrationReport second = run(database, again);

        assertThat(again.runs()).isEmpty();
        MigrationResult v1 = second.results().get(0);
        assertThat(v1.outcome()).isEqualTo(Outcome.ALREADY_APPLIED);
        assertThat(v1.executedAt()).isEqualTo(first.results().get(0).executedAt());
        assertThat(v1.duration())
                .isEqualTo(Duration.ofMillis(first.results().get(0).duration().toMillis()));
        assertThat(second.alreadyApplied()).hasSize(1);
        assertThat(database.events()).containsExactly("v1");
    }

    @EachDatabase
    void rollsBackAFailingMigrationAndRecordsItsError(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = run(database, new TestRegistry().failing("v1", "boom"));

        assertThat(database.events()).isEmpty();
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "failed"));
        assertThat(database.error("v1"))
                .hasValue("java.lang.IllegalStateException: boom\n"
                        + "Caused by: java.lang.IllegalArgumentException: the cause of v1");
        MigrationResult v1 = report.results().get(0);
        assertThat(v1.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v1.error())
                .get(InstanceOfAssertFactories.THROWABLE)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @EachDatabase
    void rollsBackAFailedStatementOfTheMigration(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().add("v1", invocation -> {
            TestRegistry.insertEvent(invocation, "v1");
            invocation.handle().execute("INSERT INTO no_such_table VALUES (1)");
        });

        MigrationReport report = run(database, registry.event("v2"));

        assertThat(database.events()).containsExactly("v2");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "failed", "v2", "success"));
        assertThat(database.error("v1")).get().asString().contains("no_such_table");
        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
    }

    @EachDatabase
    void continuesPastAFailure(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry =
                new TestRegistry().event("v1").failing("v2", "boom").event("v3");

        MigrationReport report = run(database, registry);

        assertThat(registry.runs()).containsExactly("v1", "v2", "v3");
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v3");
        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v2");
        assertThat(report.hasFailures()).isTrue();
        assertThat(database.events()).containsExactly("v1", "v3");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success", "v2", "failed", "v3", "success"));
        assertThatThrownBy(report::throwIfFailed)
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("v2 (java.lang.IllegalStateException: boom)")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement(InstanceOfAssertFactories.THROWABLE)
                        .hasMessage("boom"));
    }

    @EachDatabase
    void retriesAFailedMigrationOnTheNextRun(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        AtomicBoolean broken = new AtomicBoolean(true);
        TestRegistry registry = new TestRegistry().add("v1", invocation -> {
            TestRegistry.insertEvent(invocation, "v1");
            if (broken.get()) {
                throw new IllegalStateException("not yet");
            }
        });
        run(database, registry);
        broken.set(false);

        MigrationReport report = run(database, registry);

        assertThat(registry.runs()).containsExactly("v1", "v1");
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.statuses()).isEqualTo(Map.of("v1", "success"));
        assertThat(database.error("v1")).isEmpty();
        assertThat(database.events()).containsExactly("v1");
    }

    @EachDatabase
    void runsAMigrationAgainAfterItsRowIsDeleted(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().event("v1").event("v2");
        run(database, registry);
        database.execute("DELETE FROM godwit_migrations WHERE id = 'v1'");

        MigrationReport report = run(database, registry);

        assertThat(registry.runs()).containsExactly("v1", "v2", "v1");
        assertThat(report.results())
                .extracting(MigrationResult::outcome)
                .containsExactly(Outcome.APPLIED, Outcome.ALREADY_APPLIED);
        assertThat(database.events()).containsExactly("v1", "v1", "v2");
    }

    @EachDatabase
    void mergesTwoRegistriesInIdOrder(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry catalog = new TestRegistry("com.example.catalog.CatalogMigrations")
                .event("v1")
                .event("v3");
        TestRegistry orders = new TestRegistry("com.example.orders.OrderMigrations")
                .event("v2")
                .event("v10");

        MigrationReport report = run(database, orders, catalog);

        assertThat(report.results()).extracting(MigrationResult::id).containsExactly("v1", "v2", "v3", "v10");
        assertThat(report.results())
                .extracting(MigrationResult::source)
                .containsExactly(
                        "com.example.catalog.CatalogMigrations#v1",
                        "com.example.orders.OrderMigrations#v2",
                        "com.example.catalog.CatalogMigrations#v3",
                        "com.example.orders.OrderMigrations#v10");
        assertThat(catalog.runs()).containsExactly("v1", "v3");
        assertThat(orders.runs()).containsExactly("v2", "v10");
    }

    @EachDatabase
    void rejectsAnIdDeclaredInTwoRegistriesBeforeTouchingTheDatabase(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry catalog = new TestRegistry("com.example.catalog.CatalogMigrations")
                .event("v1")
                .event("v2");
        TestRegistry orders = new TestRegistry("com.example.orders.OrderMigrations") {}.event("v2");

        assertThatThrownBy(() -> run(database, catalog, orders))
                .isInstanceOf(DuplicateMigrationException.class)
                .hasMessageContaining("Migration ID 'v2' is declared twice")
                .hasMessageContaining(
                        "com.example.catalog.CatalogMigrations#v2 (registry " + TestRegistry.class.getName() + ")")
                .hasMessageContaining("com.example.orders.OrderMigrations#v2 (registry "
                        + orders.getClass().getName() + ")")
                .hasMessageContaining("rename")
                .satisfies(e -> assertThat(((DuplicateMigrationException) e).migrationIds())
                        .containsExactly("v2"));
        assertThat(catalog.runs()).isEmpty();
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void createsTheTrackingTableOnceAndFindsItAfterwards(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        run(database);
        assertThat(database.tableExists("godwit_migrations")).isTrue();

        MigrationReport first = run(database, new TestRegistry().event("v1"));
        MigrationReport second = run(database, new TestRegistry().event("v1").event("v2"));

        assertThat(first.applied()).hasSize(1);
        assertThat(second.applied()).extracting(MigrationResult::id).containsExactly("v2");
        assertThat(database.statuses()).containsOnlyKeys("v1", "v2");
    }

    @EachDatabase
    void keepsOnlySuccessAndFailedStatuses(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        run(database);

        assertThatThrownBy(() -> database.execute("INSERT INTO godwit_migrations"
                        + " (id, status, executed_at, execution_time_ms) VALUES ('v1', 'running', '2024-01-01', 0)"))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("check"));
    }

    @Test
    void createsTheTrackingTableWithPostgresqlTypes() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        run(database);

        List<String> columns = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT column_name || ' ' || data_type || ' '"
                                + " || is_nullable FROM information_schema.columns"
                                + " WHERE table_name = 'godwit_migrations' ORDER BY ordinal_position")
                        .mapTo(String.class)
                        .list());
        assertThat(columns)
                .containsExactly(
                        "id character varying NO",
                        "status character varying NO",
                        "executed_at timestamp with time zone NO",
                        "execution_time_ms bigint NO",
                        "error text YES",
                        "checksum character varying YES");
    }

    @Test
    void writesTheTimeOnPostgresqlAsTheServerReadsIt() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        // The driver gives each session the JVM's zone. One far from UTC, with a half-hour offset: the runner binds
        // milliseconds, which must not pass through it.
        TimeZone zone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
        MigrationReport report;
        try {
            report = run(database, new TestRegistry().event("v1"));
        } finally {
            TimeZone.setDefault(zone);
        }

        String written = database.jdbi()
                .withHandle(handle -> handle.createQuery(
                                "SELECT to_char(executed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
                                        + " FROM godwit_migrations")
                        .mapTo(String.class)
                        .one());
        Instant reported = report.results().get(0).executedAt();
        assertThat(reported.getNano() % 1_000_000).isZero();
        assertThat(written)
                .isEqualTo(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(reported));
    }

    @Test
    void createsTheTrackingTableWithSqliteTypes() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        run(database, new TestRegistry().event("v1"));

        List<String> columns = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT name || ' ' || type || ' ' || \"notnull\""
                                + " FROM pragma_table_info('godwit_migrations') ORDER BY cid")
                        .mapTo(String.class)
                        .list());
        assertThat(columns)
                .containsExactly(
                        "id TEXT 1",
                        "status TEXT 1",
                        "executed_at TEXT 1",
                        "execution_time_ms INTEGER 1",
                        "error TEXT 0",
                        "checksum TEXT 0");
        String executedAt = database.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT executed_at FROM godwit_migrations")
                        .mapTo(String.class)
                        .one());
        assertThat(executedAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @EachDatabase
    void usesTheConfiguredTrackingTable(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().event("v1");

        MigrationRunner.builder(database.jdbi())
                .table("Custom_History")
                .registries(registry)
                .build()
                .runAll();
        MigrationReport again = MigrationRunner.builder(database.jdbi())
                .table("custom_history")
                .registries(registry)
                .build()
                .runAll();

        assertThat(again.alreadyApplied()).hasSize(1);
        assertThat(database.statuses("custom_history")).isEqualTo(Map.of("v1", "success"));
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void usesASchemaQualifiedTrackingTable(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        String schema = kind == DatabaseKind.POSTGRESQL ? "app" : "main";
        if (kind == DatabaseKind.POSTGRESQL) {
            database.execute("CREATE SCHEMA app");
        }

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .table(schema + ".history")
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();

        assertThat(report.applied()).hasSize(1);
        assertThat(database.statuses(schema + ".history")).isEqualTo(Map.of("v1", "success"));
    }

    @EachDatabase
    void aTrackingRowThatCannotBeWrittenStopsTheRunBeforeTheMigrationRuns(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry()
                .add("v1", invocation -> {
                    TestRegistry.insertEvent(invocation, "v1");
                    invocation.handle().execute("DROP TABLE godwit_migrations");
                })
                .event("v2");

        assertThatThrownBy(() -> run(database, registry))
                .isInstanceOf(TrackingTableException.class)
                .hasMessageContaining("Could not claim the row of migration v2 in the tracking table godwit_migrations")
                .hasMessageContaining("Nothing of it is committed; it runs on the next start.");

        // v1 dropped the table, its own row with it, and committed: what its author wrote. v2 never ran.
        assertThat(registry.runs()).containsExactly("v1");
        assertThat(database.events()).containsExactly("v1");
    }

    @Test
    void anUnreachableDatabaseIsADatabaseAccessException() {
        Jdbi unreachable = Jdbi.create("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");
        TestRegistry registry = new TestRegistry().event("v1");

        assertThatThrownBy(() -> MigrationRunner.builder(unreachable)
                        .registries(registry)
                        .build()
                        .runAll())
                .isInstanceOf(DatabaseAccessException.class)
                .hasMessageContaining("Could not open a connection");
        assertThat(registry.runs()).isEmpty();
    }

    @EachDatabase
    void anEmptyRegistryListRunsNothing(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report = run(database);

        assertThat(report.results()).isEmpty();
        assertThat(report.hasFailures()).isFalse();
        assertThat(report.throwIfFailed()).isSameAs(report);
    }

    private static MigrationReport run(TestDatabase database, MigrationRegistry... registries) {
        return MigrationRunner.builder(database.jdbi())
                .registries(registries)
                .build()
                .runAll();
    }
}
