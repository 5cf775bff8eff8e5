package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.godwit.runtime.internal.sql.SqlFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code status()} and {@code plan()}: where each migration stands, what a run would run, and that they write nothing. */
class StatusAndPlanTest {

    private static final String V4 = "INSERT INTO events VALUES ('v4');";

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void statusOnAnEmptyDatabaseShowsEveryMigrationPendingAndWritesNothing(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", V4);
        StatementRecorder recorder = new StatementRecorder(database);
        Jdbi jdbi = recorder.jdbi();

        List<MigrationStatus> statuses =
                with(jdbi, folder, new TestRegistry().event("v1", "aaaa").event("v5"), MigrationRunner::status);

        assertThat(statuses)
                .extracting(
                        MigrationStatus::id,
                        MigrationStatus::state,
                        MigrationStatus::kind,
                        MigrationStatus::source,
                        MigrationStatus::checksum)
                .containsExactly(
                        tuple(
                                "v1",
                                MigrationState.PENDING,
                                Optional.of(MigrationKind.CODE),
                                Optional.of("com.example.Migrations#v1"),
                                Optional.of("aaaa")),
                        tuple(
                                "v4",
                                MigrationState.PENDING,
                                Optional.of(MigrationKind.SQL),
                                Optional.of("db/migration/v4.sql"),
                                Optional.of(SqlFile.checksum(V4))),
                        tuple(
                                "v5",
                                MigrationState.PENDING,
                                Optional.of(MigrationKind.CODE),
                                Optional.of("com.example.Migrations#v5"),
                                Optional.empty()));
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.executedAt()).isEmpty();
            assertThat(status.duration()).isEmpty();
            assertThat(status.error()).isEmpty();
            assertThat(status.recordedChecksum()).isEmpty();
        });
        assertThat(recorder.transactions).hasValue(0);
        // The read, refused, then the catalog, which tells that the table is missing.
        assertThat(recorder.statements)
                .hasSize(2)
                .allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void statusTellsEveryStateInIdOrder(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", V4);
        Instant before = Instant.now().minusMillis(1);
        with(
                database.jdbi(),
                folder,
                new TestRegistry()
                        .event("v1", "aaaa")
                        .failing("v2", "boom")
                        .event("v3", "cccc")
                        .event("v10"),
                MigrationRunner::runAll);
        TestRegistry now = new TestRegistry()
                .event("v1", "aaaa")
                .event("v2")
                .event("v3", "c2")
                .event("v5");

        List<MigrationStatus> statuses = with(database.jdbi(), folder, now, MigrationRunner::status);

        assertThat(statuses)
                .extracting(MigrationStatus::id, MigrationStatus::state, MigrationStatus::recordedChecksum)
                .containsExactly(
                        tuple("v1", MigrationState.SUCCEEDED, Optional.of("aaaa")),
                        tuple("v2", MigrationState.FAILED, Optional.empty()),
                        tuple("v3", MigrationState.CHANGED, Optional.of("cccc")),
                        tuple("v4", MigrationState.SUCCEEDED, Optional.of(SqlFile.checksum(V4))),
                        tuple("v5", MigrationState.PENDING, Optional.empty()),
                        tuple("v10", MigrationState.UNKNOWN, Optional.empty()));
        MigrationStatus failed = statuses.get(1);
        assertThat(failed.error())
                .hasValue("java.lang.IllegalStateException: boom\n"
                        + "Caused by: java.lang.IllegalArgumentException: the cause of v2");
        assertThat(failed.executedAt()).get().satisfies(time -> assertThat(time).isAfter(before));
        assertThat(failed.duration())
                .get()
                .satisfies(duration -> assertThat(duration.isNegative()).isFalse());
        MigrationStatus unknown = statuses.get(5);
        assertThat(unknown.kind()).isEmpty();
        assertThat(unknown.source()).isEmpty();
        assertThat(unknown.checksum()).isEmpty();
        assertThat(unknown.executedAt()).isPresent();
        assertThat(statuses.get(0).error()).isEmpty();
    }

    @EachDatabase
    void planIsWhatARunWouldRunAndWritesNothing(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", V4);
        with(
                database.jdbi(),
                folder,
                new TestRegistry()
                        .event("v1")
                        .failing("v2", "boom")
                        .event("v3", "cccc")
                        .event("v10"),
                MigrationRunner::runAll);
        Path edited = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", V4 + "\n-- edited", "v6.sql", V4);
        TestRegistry now =
                new TestRegistry().event("v1").event("v2").event("v3", "c2").event("v5");
        StatementRecorder recorder = new StatementRecorder(database);
        Jdbi jdbi = recorder.jdbi();

        List<MigrationStatus> plan = with(jdbi, edited, now, MigrationRunner::plan);

        assertThat(plan)
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(
                        tuple("v2", MigrationState.FAILED),
                        tuple("v5", MigrationState.PENDING),
                        tuple("v6", MigrationState.PENDING));
        assertThat(recorder.transactions).hasValue(0);
        assertThat(recorder.statements).singleElement().asString().startsWith("SELECT");
        assertThat(database.statuses()).containsOnlyKeys("v1", "v2", "v3", "v4", "v10");

        MigrationReport report = with(database.jdbi(), edited, now, MigrationRunner::runAll);

        assertThat(now.runs()).containsExactly("v2", "v5");
        assertThat(report.results().stream()
                        .filter(result -> result.outcome() != MigrationResult.Outcome.ALREADY_APPLIED)
                        .map(MigrationResult::id))
                .containsExactly("v2", "v5", "v6");
    }

    @EachDatabase
    void planOnADatabaseWithoutATrackingTableCreatesNone(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", V4);

        List<MigrationStatus> plan =
                with(database.jdbi(), folder, new TestRegistry().event("v1").event("v5"), MigrationRunner::plan);

        assertThat(plan).extracting(MigrationStatus::id).containsExactly("v1", "v4", "v5");
        assertThat(database.tableExists("godwit_migrations")).isFalse();
        assertThat(database.events()).isEmpty();
    }

    @EachDatabase
    void planWithStrictChecksumsRefusesAChangedMigrationAsARunWould(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1", "aaaa"))
                .build()
                .runAll();
        MigrationRunner.Builder builder = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1", "a2").event("v2"));

        assertThat(builder.build().plan()).extracting(MigrationStatus::id).containsExactly("v2");
        assertThatThrownBy(() -> builder.strictChecksums(true).build().plan())
                .isInstanceOf(MigrationChangedException.class)
                .hasMessageContaining("v1 (com.example.Migrations#v1): recorded checksum aaaa, now a2");
    }

    @Test
    void theStaticFormsUseTheRegistriesOnTheClassPath() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);

        List<MigrationStatus> status = MigrationRunner.status(database.jdbi());
        List<MigrationStatus> plan = MigrationRunner.plan(database.jdbi());

        assertThat(status).extracting(MigrationStatus::id).containsExactly(DiscoveredRegistry.ID);
        assertThat(plan).isEqualTo(status);
        assertThat(database.tableExists("godwit_migrations")).isFalse();
    }

    @EachDatabase
    void theStaticFormsOnADataSourceReadWhatRunAllWrote(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        StatementRecorder recorder = new StatementRecorder(database);

        assertThat(MigrationRunner.plan(recorder))
                .extracting(MigrationStatus::id)
                .containsExactly(DiscoveredRegistry.ID);
        assertThat(MigrationRunner.status(recorder))
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(tuple(DiscoveredRegistry.ID, MigrationState.PENDING));
        assertThat(database.tableExists("godwit_migrations")).isFalse();

        MigrationRunner.runAll(recorder).throwIfFailed();

        assertThat(MigrationRunner.status(recorder))
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(tuple(DiscoveredRegistry.ID, MigrationState.SUCCEEDED));
        assertThat(MigrationRunner.plan(recorder)).isEmpty();
        assertThat(recorder.connections).as("one connection per call").hasValue(5);
    }

    @Test
    void aStatusReadsAsOneLine() {
        MigrationDefinition definition = MigrationDefinition.sql(
                "v3_add_language",
                "db/migration/v3_add_language.sql",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        Instant executedAt = Instant.parse("2024-05-01T12:00:00.123Z");

        assertThat(MigrationStatus.pending(definition))
                .hasToString("v3_add_language PENDING (SQL db/migration/v3_add_language.sql), checksum 9f86d081884c");
        assertThat(MigrationStatus.recorded(
                        definition, true, executedAt, Duration.ofMillis(12), null, "60303ae22b99ab"))
                .hasToString("v3_add_language CHANGED (SQL db/migration/v3_add_language.sql), ran at"
                        + " 2024-05-01T12:00:00.123Z in 12 ms, checksum 9f86d081884c, recorded 60303ae22b99");
        assertThat(MigrationStatus.unknown(
                        "v0_gone", executedAt, Duration.ZERO, "java.lang.Error: x\nCaused by: y", null))
                .hasToString("v0_gone UNKNOWN, ran at 2024-05-01T12:00:00.123Z in 0 ms: java.lang.Error: x");
        assertThat(MigrationStatus.recorded(definition, false, executedAt, Duration.ZERO, "boom", null)
                        .state())
                .isEqualTo(MigrationState.FAILED);
    }

    private static <T> T with(Jdbi jdbi, Path folder, MigrationRegistry registry, Function<MigrationRunner, T> action) {
        try (URLClassLoader classLoader = SqlFiles.classLoader(folder)) {
            return action.apply(MigrationRunner.builder(jdbi)
                    .classLoader(classLoader)
                    .registries(registry)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
