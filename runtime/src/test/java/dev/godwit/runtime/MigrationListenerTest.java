package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** Listeners hear each attempted migration and the end of the run, in order, and cannot break either. */
class MigrationListenerTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    /** Writes down every call, with the MDC entry seen at the time. */
    static final class Recording implements MigrationListener {
        private final String name;
        private final List<String> calls;

        Recording(String name, List<String> calls) {
            this.name = name;
            this.calls = calls;
        }

        @Override
        public void beforeMigration(MigrationDefinition migration) {
            calls.add(name + " before " + migration.id() + " " + migration.kind() + mdc());
        }

        @Override
        public void afterMigration(MigrationResult result) {
            calls.add(name + " after " + result.id() + " " + result.outcome() + mdc());
        }

        @Override
        public void progress(MigrationDefinition migration, long done, long total) {
            calls.add(name + " progress " + migration.id() + " " + done + "/" + total + mdc());
        }

        @Override
        public void afterRun(MigrationReport report) {
            calls.add(name + " afterRun " + report.summary().replaceAll(" in \\d+ ms", "") + mdc());
        }

        private static String mdc() {
            return " [" + MDC.get(MigrationRunner.MDC_KEY) + "]";
        }
    }

    /** Throws from every method. */
    static final class Throwing implements MigrationListener {
        @Override
        public void beforeMigration(MigrationDefinition migration) {
            throw new IllegalStateException("before " + migration.id());
        }

        @Override
        public void afterMigration(MigrationResult result) {
            throw new AssertionError("after " + result.id());
        }

        @Override
        public void afterRun(MigrationReport report) {
            throw new UnsupportedOperationException("afterRun");
        }
    }

    @EachDatabase
    void listenersHearEachAttemptedMigrationInRegistrationOrderWithTheMdcSet(DatabaseKind kind) throws IOException {
        TestDatabase database = databases.create(kind, tempDir);
        Path folder = SqlFiles.folder(tempDir.resolve("classes"), "v4.sql", "INSERT INTO events VALUES ('v4')");
        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1"))
                .build()
                .runAll();
        List<String> calls = new ArrayList<>();
        TestRegistry registry = new TestRegistry()
                .event("v1")
                .failing("v2", "boom")
                .add("v3", invocation -> calls.add("body v3" + Recording.mdc()));

        try (URLClassLoader classLoader = SqlFiles.classLoader(folder)) {
            MigrationRunner.builder(database.jdbi())
                    .classLoader(classLoader)
                    .registries(registry)
                    .listener(new Recording("A", calls))
                    .listener(new Recording("B", calls))
                    .build()
                    .runAll();
        }

        assertThat(calls)
                .containsExactly(
                        "A before v2 CODE [v2]",
                        "B before v2 CODE [v2]",
                        "A after v2 FAILED [v2]",
                        "B after v2 FAILED [v2]",
                        "A before v3 CODE [v3]",
                        "B before v3 CODE [v3]",
                        "body v3 [v3]",
                        "A after v3 APPLIED [v3]",
                        "B after v3 APPLIED [v3]",
                        "A before v4 SQL [v4]",
                        "B before v4 SQL [v4]",
                        "A after v4 APPLIED [v4]",
                        "B after v4 APPLIED [v4]",
                        "A afterRun 4 migrations: 2 applied, 1 failed, 1 already applied [null]",
                        "B afterRun 4 migrations: 2 applied, 1 failed, 1 already applied [null]");
    }

    @Test
    void aThrowingListenerIsLoggedAndIgnored() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        List<String> calls = new ArrayList<>();
        MigrationReport[] report = new MigrationReport[1];

        String log = CapturedLog.during(() -> report[0] = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1"))
                .listener(new Throwing())
                .listener(new Recording("B", calls))
                .build()
                .runAll());

        assertThat(report[0].applied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.statuses()).containsEntry("v1", "success");
        assertThat(calls)
                .containsExactly(
                        "B before v1 CODE [v1]",
                        "B after v1 APPLIED [v1]",
                        "B afterRun 1 migration: 1 applied, 0 failed, 0 already applied [null]");
        String listener = Throwing.class.getName();
        assertThat(log)
                .contains("WARN dev.godwit.runtime.MigrationRunner - Migration listener " + listener
                        + " threw from beforeMigration for migration v1; ignored\njava.lang.IllegalStateException:"
                        + " before v1")
                .contains("Migration listener " + listener + " threw from afterMigration for migration v1; ignored\n"
                        + "java.lang.AssertionError: after v1")
                .contains("Migration listener " + listener + " threw from afterRun; ignored\n"
                        + "java.lang.UnsupportedOperationException: afterRun");
    }

    @Test
    void afterRunIsCalledOnceWhenNothingRuns() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        List<String> calls = new ArrayList<>();
        MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().event("v1"))
                .listener(new Recording("A", calls))
                .build();
        runner.runAll();
        calls.clear();

        runner.runAll();

        assertThat(calls).containsExactly("A afterRun 1 migration: 0 applied, 0 failed, 1 already applied [null]");
    }

    @Test
    void aRunThatStopsBeforeAnythingRunsCallsNoListener() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        List<String> calls = new ArrayList<>();

        assertThatThrownBy(() -> MigrationRunner.builder(database.jdbi())
                        .registries(new TestRegistry().event("v1").event("v1"))
                        .listener(new Recording("A", calls))
                        .build()
                        .runAll())
                .isInstanceOf(DuplicateMigrationException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void aBlockedMigrationGetsAfterMigrationOnlyBetweenTheFailureAndTheNextMigration() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        List<String> calls = new ArrayList<>();

        MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry()
                        .failing("v1", "boom")
                        .event("v2")
                        .with(d -> d.withAfter("v1"))
                        .event("v3"))
                .listener(new Recording("A", calls))
                .build()
                .runAll();

        assertThat(calls)
                .containsExactly(
                        "A before v1 CODE [v1]",
                        "A after v1 FAILED [v1]",
                        "A after v2 BLOCKED [v2]",
                        "A before v3 CODE [v3]",
                        "A after v3 APPLIED [v3]",
                        "A afterRun 3 migrations: 1 applied, 1 failed, 0 already applied, 1 blocked [null]");
    }

    @Test
    void progressReachesListenersEveryTimeAndTheLogAtARate() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        List<String> calls = new ArrayList<>();
        MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                .registries(new TestRegistry().add("v1_backfill", invocation -> {
                    for (long done = 0; done <= 400; done += 100) {
                        invocation.context().progress(done, 400);
                    }
                }))
                .listener(new Recording("A", calls))
                .build();

        String log = CapturedLog.during(runner::runAll);

        assertThat(calls)
                .containsSubsequence(
                        "A before v1_backfill CODE [v1_backfill]",
                        "A progress v1_backfill 0/400 [v1_backfill]",
                        "A progress v1_backfill 100/400 [v1_backfill]",
                        "A progress v1_backfill 200/400 [v1_backfill]",
                        "A progress v1_backfill 300/400 [v1_backfill]",
                        "A progress v1_backfill 400/400 [v1_backfill]",
                        "A after v1_backfill APPLIED [v1_backfill]");
        // The first report and the last; the ones between come sooner than the log interval.
        assertThat(log)
                .contains("INFO dev.godwit.runtime.MigrationRunner - Migration v1_backfill: 0 of 400 done (0%)")
                .contains("INFO dev.godwit.runtime.MigrationRunner - Migration v1_backfill: 400 of 400 done (100%)")
                .doesNotContain("200 of 400");
    }
}
