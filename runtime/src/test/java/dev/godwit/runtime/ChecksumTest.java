package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.godwit.MigrationIds;
import dev.godwit.runtime.internal.sql.SqlFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checksums: recorded, compared with the current ones, warned about or refused, and accepted. */
class ChecksumTest {

    private static final String V1 = "INSERT INTO events VALUES ('v1');\n";
    private static final String V1_EDITED = "INSERT INTO events VALUES ('v1 edited');\n";

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void recordsTheChecksumOfEachMigrationThatRan(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", V1, "v4.sql", "SELECT * FROM nowhere;");
        TestRegistry registry = new TestRegistry().event("v2", "c0de").event("v3");

        run(database, folder, registry);

        assertThat(checksums(database))
                .containsExactly(
                        Map.entry("v1", SqlFile.checksum(V1)),
                        Map.entry("v2", "c0de"),
                        Map.entry("v3", "null"),
                        Map.entry("v4", SqlFile.checksum("SELECT * FROM nowhere;")));
        assertThat(database.statuses()).containsEntry("v4", "failed");
    }

    @EachDatabase
    void aChangedSqlFileIsWarnedAboutAndNotRunAgain(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", V1);
        run(database, folder);
        SqlFiles.folder(folder, "v1.sql", V1_EDITED);

        MigrationReport[] report = new MigrationReport[1];
        String log = CapturedLog.during(() -> report[0] = run(database, folder));

        assertThat(report[0].alreadyApplied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.events()).containsExactly("v1");
        assertThat(log)
                .contains("WARN dev.godwit.runtime.MigrationRunner - Migration v1 (db/migration/v1.sql) has changed"
                        + " since it succeeded: its recorded checksum is " + SqlFile.checksum(V1)
                        + ", its checksum now " + SqlFile.checksum(V1_EDITED) + ". It is not run again. Revert the"
                        + " change, or accept it with MigrationRunner#acceptChecksums(\"v1\")");
        MigrationStatus status = status(database, folder).get(0);
        assertThat(status.state()).isEqualTo(MigrationState.CHANGED);
        assertThat(status.checksum()).hasValue(SqlFile.checksum(V1_EDITED));
        assertThat(status.recordedChecksum()).hasValue(SqlFile.checksum(V1));
    }

    @EachDatabase
    void lineEndingsAndAByteOrderMarkAreNoChange(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", "SELECT 1;\nSELECT 2;\n");
        run(database, folder);
        SqlFiles.folder(folder, "v1.sql", "\uFEFFSELECT 1;\r\nSELECT 2;\r\n");

        assertThat(status(database, folder))
                .extracting(MigrationStatus::state)
                .containsExactly(MigrationState.SUCCEEDED);
    }

    @EachDatabase
    void aChangedMethodChecksumIsDetected(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        runner(database, new TestRegistry().event("v1", "aaaa").event("v2", "bbbb"))
                .runAll();
        TestRegistry recompiled = new TestRegistry().event("v1", "aaaa").event("v2", "cccc");

        MigrationReport report = runner(database, recompiled).runAll();

        assertThat(recompiled.runs()).isEmpty();
        assertThat(report.alreadyApplied()).hasSize(2);
        assertThat(runner(database, recompiled).status())
                .extracting(MigrationStatus::id, MigrationStatus::state, MigrationStatus::recordedChecksum)
                .containsExactly(
                        tuple("v1", MigrationState.SUCCEEDED, Optional.of("aaaa")),
                        tuple("v2", MigrationState.CHANGED, Optional.of("bbbb")));
    }

    @EachDatabase
    void aMissingChecksumOnEitherSideIsNeverAChange(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        runner(database, new TestRegistry().event("v1").event("v2", "bbbb")).runAll();
        TestRegistry recompiled = new TestRegistry().event("v1", "aaaa").event("v2");

        List<MigrationStatus> statuses = runner(database, recompiled).status();

        assertThat(statuses)
                .extracting(MigrationStatus::state)
                .containsExactly(MigrationState.SUCCEEDED, MigrationState.SUCCEEDED);
        MigrationReport strict = MigrationRunner.builder(database.jdbi())
                .registries(recompiled)
                .strictChecksums(true)
                .build()
                .runAll();
        assertThat(strict.alreadyApplied()).hasSize(2);
    }

    @EachDatabase
    void strictChecksumsStopTheRunBeforeAnythingRunsOrIsWritten(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", V1);
        run(database, folder, new TestRegistry().event("v2", "bbbb"));
        SqlFiles.folder(folder, "v1.sql", V1_EDITED, "v3.sql", "INSERT INTO events VALUES ('v3');");
        TestRegistry recompiled = new TestRegistry().event("v2", "cccc").event("v4");
        Map<String, String> before = checksums(database);

        assertThatThrownBy(() -> run(database, folder, recompiled, builder -> builder.strictChecksums(true)))
                .isInstanceOf(MigrationChangedException.class)
                .hasMessageStartingWith("2 migrations have changed since they succeeded (strict checksums are on,"
                        + " so nothing has run):\n  v1 (db/migration/v1.sql): recorded checksum "
                        + SqlFile.checksum(V1) + ", now " + SqlFile.checksum(V1_EDITED)
                        + "\n  v2 (com.example.Migrations#v2): recorded checksum bbbb, now cccc\n")
                .hasMessageContaining("Either revert each change, or accept it:")
                .hasMessageContaining("acceptChecksums(\"v1\", \"v2\")")
                .satisfies(e -> assertThat(((MigrationChangedException) e).migrationIds())
                        .containsExactly("v1", "v2"));
        assertThat(recompiled.runs()).isEmpty();
        assertThat(database.events()).containsExactly("v1", "v2");
        assertThat(checksums(database)).isEqualTo(before);
    }

    @EachDatabase
    void acceptingEveryChangeRecordsTheCurrentChecksums(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v1.sql", V1);
        run(database, folder, new TestRegistry().event("v2", "bbbb").event("v3", "dddd"));
        SqlFiles.folder(folder, "v1.sql", V1_EDITED);
        TestRegistry recompiled = new TestRegistry().event("v2", "cccc").event("v3", "dddd");

        List<MigrationStatus> accepted = accept(database, folder, recompiled);

        assertThat(accepted)
                .extracting(MigrationStatus::id, MigrationStatus::state, MigrationStatus::recordedChecksum)
                .containsExactly(
                        tuple("v1", MigrationState.CHANGED, Optional.of(SqlFile.checksum(V1))),
                        tuple("v2", MigrationState.CHANGED, Optional.of("bbbb")));
        assertThat(checksums(database))
                .containsExactly(
                        Map.entry("v1", SqlFile.checksum(V1_EDITED)), Map.entry("v2", "cccc"), Map.entry("v3", "dddd"));
        assertThat(status(database, folder, recompiled))
                .extracting(MigrationStatus::state)
                .containsOnly(MigrationState.SUCCEEDED);
        assertThat(run(database, folder, recompiled, builder -> builder.strictChecksums(true))
                        .alreadyApplied())
                .hasSize(3);
        assertThat(accept(database, folder, recompiled)).isEmpty();
    }

    @EachDatabase
    void acceptingNamedMigrationsLeavesTheOthersChanged(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        runner(
                        database,
                        new TestRegistry()
                                .event("v1", "aaaa")
                                .event("v2", "bbbb")
                                .event("v3"))
                .runAll();
        TestRegistry recompiled =
                new TestRegistry().event("v1", "a2").event("v2", "b2").event("v3", "c2");

        List<MigrationStatus> accepted = runner(database, recompiled).acceptChecksums("v3", "v2", "v2");

        assertThat(accepted).extracting(MigrationStatus::id).containsExactly("v2", "v3");
        assertThat(checksums(database))
                .containsExactly(Map.entry("v1", "aaaa"), Map.entry("v2", "b2"), Map.entry("v3", "c2"));
        assertThat(runner(database, recompiled).status())
                .extracting(MigrationStatus::state)
                .containsExactly(MigrationState.CHANGED, MigrationState.SUCCEEDED, MigrationState.SUCCEEDED);
    }

    @EachDatabase
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // A wait without the bound never ends.
    void acceptingWaitsForAnotherRunnerNoLongerThanTheLockTimeout(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        runner(database, new TestRegistry().event("v1", "aaaa").event("v2", "bbbb"))
                .runAll();
        TestRegistry recompiled = new TestRegistry().event("v1", "a2").event("v2", "b2");

        // Another runner holds v2's row, as its claim of an interval migration does; on SQLite, the write lock.
        try (Connection other = database.connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE godwit_migrations SET error = error WHERE id = 'v2'");
            }
            MigrationRunner waiting = MigrationRunner.builder(database.jdbi())
                    .registries(recompiled)
                    .lockTimeout(Duration.ofMillis(300))
                    .build();
            assertThatThrownBy(() -> waiting.acceptChecksums())
                    .isInstanceOfSatisfying(
                            UnableToAcquireLockException.class,
                            e -> assertThat(e.migrationId()).isEqualTo(kind == DatabaseKind.SQLITE ? null : "v2"))
                    .hasMessageStartingWith(
                            kind == DatabaseKind.SQLITE
                                    ? "Waited 300 ms (MigrationRunner.Builder#lockTimeout) to accept checksums: "
                                    : "Waited 300 ms (MigrationRunner.Builder#lockTimeout) to accept the checksum of"
                                            + " migration v2, whose row another runner holds: it is held by the"
                                            + " session with pid ")
                    .hasMessageEndingWith(". No checksum was recorded.");
            other.rollback();
        }

        assertThat(checksums(database)).containsExactly(Map.entry("v1", "aaaa"), Map.entry("v2", "bbbb"));
        assertThat(runner(database, recompiled).acceptChecksums())
                .extracting(MigrationStatus::id)
                .containsExactly("v1", "v2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"read committed", "serializable"})
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void acceptingLeavesOutARowThatTheRunnerItWaitedForLeftFailed(String defaultIsolation) throws Exception {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        // Whatever the database's default, accepting waits as a claim does, at READ COMMITTED.
        database.execute("DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_isolation = %L',"
                + " current_database(), '" + defaultIsolation + "'); END $$");
        runner(database, new TestRegistry().event("v1", "aaaa").event("v2", "bbbb"))
                .runAll();
        MigrationRunner recompiled =
                runner(database, new TestRegistry().event("v1", "a2").event("v2", "b2"));

        List<List<MigrationStatus>> accepted = new ArrayList<>();
        String log = CapturedLog.during(
                () -> accepted.add(whileV2FailsInAnotherRunner(database, () -> recompiled.acceptChecksums())));

        assertThat(accepted.get(0)).extracting(MigrationStatus::id).containsExactly("v1");
        assertThat(log)
                .contains("Did not accept the change of migration v2: its row no longer records a success, as another"
                        + " runner has changed it since it was read");
        assertThat(checksums(database)).containsExactly(Map.entry("v1", "a2"), Map.entry("v2", "bbbb"));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void acceptingANamedMigrationWhoseRowTheRunnerItWaitedForLeftFailedIsRefusedAndWritesNothing() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        runner(database, new TestRegistry().event("v1", "aaaa").event("v2", "bbbb"))
                .runAll();
        MigrationRunner recompiled =
                runner(database, new TestRegistry().event("v1", "a2").event("v2", "b2"));

        assertThatThrownBy(() -> whileV2FailsInAnotherRunner(database, () -> recompiled.acceptChecksums("v1", "v2")))
                .isInstanceOfSatisfying(
                        ChecksumAcceptanceException.class,
                        e -> assertThat(e.migrationIds()).containsExactly("v2"))
                .hasMessage("Cannot accept the checksum of v2: another runner changed its row while this waited for"
                        + " it, and it no longer records a success (MigrationRunner#status() shows where it stands)."
                        + " No checksum was recorded.");
        assertThat(checksums(database)).containsExactly(Map.entry("v1", "aaaa"), Map.entry("v2", "bbbb"));
    }

    /**
     * Runs {@code accepting} while another runner's transaction holds v2's row, and fails it (as an interval
     * migration's failed run does) once accepting waits for the row; returns what accepting returned.
     */
    private static List<MigrationStatus> whileV2FailsInAnotherRunner(
            TestDatabase database, Supplier<List<MigrationStatus>> accepting) {
        try (Connection other = database.connect()) {
            other.setAutoCommit(false);
            long otherPid;
            try (Statement statement = other.createStatement();
                    ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                otherPid = pid.getLong(1);
                statement.executeUpdate("UPDATE godwit_migrations SET status = 'failed' WHERE id = 'v2'");
            }
            CompletableFuture<List<MigrationStatus>> running = CompletableFuture.supplyAsync(accepting);
            awaitBlockedBy(database, otherPid, running);
            other.commit();
            return running.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a session waits for a lock that session {@code pid} holds, or {@code task} has ended. */
    private static void awaitBlockedBy(TestDatabase database, long pid, CompletableFuture<?> task) throws SQLException {
        // Its own connection in auto-commit: in a transaction, pg_stat_activity keeps the snapshot of its first read.
        try (Connection connection = database.connect();
                PreparedStatement blocked = connection.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE ? = ANY(pg_blocking_pids(pid))")) {
            blocked.setLong(1, pid);
            while (!task.isDone()) {
                try (ResultSet count = blocked.executeQuery()) {
                    count.next();
                    if (count.getInt(1) > 0) {
                        return;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @EachDatabase
    void acceptingMigrationsThatHaveNotSucceededIsRefusedAndWritesNothing(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        runner(
                        database,
                        new TestRegistry()
                                .event("v1", "aaaa")
                                .failing("v2", "boom")
                                .event("gone"))
                .runAll();
        TestRegistry recompiled =
                new TestRegistry().event("v1", "a2").event("v2", "b2").event("v3", "c2");
        Map<String, String> before = checksums(database);

        assertThatThrownBy(() -> runner(database, recompiled).acceptChecksums("v1", "v2", "v3", "gone", "v9"))
                .isInstanceOf(ChecksumAcceptanceException.class)
                .hasMessage("Cannot accept the checksums of gone (recorded in the tracking table, but no longer in"
                        + " code or SQL files), v2 (it failed; it runs again on the next start and then records its"
                        + " checksum), v3 (it has not run, so there is no recorded checksum to replace), v9 (no"
                        + " migration in code, SQL files or the tracking table has this ID). Only migrations that succeeded"
                        + " have a checksum to accept; MigrationRunner#status() shows where each stands. No checksum"
                        + " was recorded.")
                .satisfies(e -> assertThat(((ChecksumAcceptanceException) e).migrationIds())
                        .containsExactly("gone", "v2", "v3", "v9"));
        assertThat(checksums(database)).isEqualTo(before);
    }

    @EachDatabase
    void acceptingOnADatabaseWithoutATrackingTableCreatesNothing(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().event("v1", "aaaa");

        assertThat(runner(database, registry).acceptChecksums()).isEmpty();
        assertThatThrownBy(() -> runner(database, registry).acceptChecksums("v1"))
                .isInstanceOf(ChecksumAcceptanceException.class)
                .hasMessageContaining("v1 (it has not run");
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @Test
    void acceptingANamedMigrationRecordedWithoutAChecksumRecordsIt() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        runner(database, new TestRegistry().event("v1")).runAll();
        TestRegistry recompiled = new TestRegistry().event("v1", "aaaa");

        assertThat(runner(database, recompiled).acceptChecksums()).isEmpty();
        assertThat(runner(database, recompiled).acceptChecksums("v1"))
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(tuple("v1", MigrationState.SUCCEEDED));
        assertThat(checksums(database)).containsExactly(Map.entry("v1", "aaaa"));
    }

    /** The recorded checksum of every row, by ID in ID order; "null" for none. */
    private static Map<String, String> checksums(TestDatabase database) {
        Map<String, String> checksums = new LinkedHashMap<>();
        database.jdbi()
                .useHandle(handle -> handle.createQuery("SELECT id, checksum FROM godwit_migrations")
                        .map((resultSet, context) -> checksums.put(
                                resultSet.getString("id"), String.valueOf(resultSet.getString("checksum"))))
                        .list());
        Map<String, String> sorted = new TreeMap<>(MigrationIds.ORDER);
        sorted.putAll(checksums);
        return new LinkedHashMap<>(sorted);
    }

    private static MigrationRunner runner(TestDatabase database, MigrationRegistry... registries) {
        return MigrationRunner.builder(database.jdbi()).registries(registries).build();
    }

    /** Runs with the SQL files of a class path folder and the registries. */
    private static MigrationReport run(TestDatabase database, Path folder, MigrationRegistry... registries) {
        return withRunner(database, folder, List.of(registries), builder -> builder, MigrationRunner::runAll);
    }

    private static MigrationReport run(
            TestDatabase database,
            Path folder,
            MigrationRegistry registry,
            UnaryOperator<MigrationRunner.Builder> options) {
        return withRunner(database, folder, List.of(registry), options, MigrationRunner::runAll);
    }

    private static List<MigrationStatus> status(TestDatabase database, Path folder) {
        return withRunner(database, folder, List.of(), builder -> builder, MigrationRunner::status);
    }

    private static List<MigrationStatus> status(TestDatabase database, Path folder, MigrationRegistry registry) {
        return withRunner(database, folder, List.of(registry), builder -> builder, MigrationRunner::status);
    }

    private static List<MigrationStatus> accept(TestDatabase database, Path folder, MigrationRegistry registry) {
        return withRunner(database, folder, List.of(registry), builder -> builder, runner -> runner.acceptChecksums());
    }

    private static <T> T withRunner(
            TestDatabase database,
            Path folder,
            List<MigrationRegistry> registries,
            UnaryOperator<MigrationRunner.Builder> options,
            Function<MigrationRunner, T> action) {
        try (URLClassLoader classLoader = SqlFiles.classLoader(folder)) {
            MigrationRunner.Builder builder = MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .registries(registries);
            return action.apply(options.apply(builder).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
