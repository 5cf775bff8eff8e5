package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Migrations that run outside any transaction ({@code @Migration(transactional = false)}). */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class NonTransactionalMigrationTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @Test
    void createIndexConcurrentlyRunsOnPostgresql() {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        TestRegistry registry = new TestRegistry()
                .add("v1", invocation -> invocation.handle().execute("CREATE TABLE books (id INT, title TEXT)"))
                .nonTransactional("v2", invocation -> {
                    assertThat(invocation.handle().isInTransaction()).isFalse();
                    invocation.handle().execute("CREATE INDEX CONCURRENTLY books_title ON books (title)");
                });

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(database.count(
                        "SELECT count(*) FROM pg_index WHERE indexrelid = 'books_title'::regclass" + " AND indisvalid"))
                .isEqualTo(1);
        assertThat(database.statuses()).containsEntry("v2", "success");
    }

    @Test
    void vacuumRunsOnSqlite() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        TestRegistry registry = new TestRegistry()
                .event("v1")
                .nonTransactional("v2", invocation -> invocation.handle().execute("VACUUM"));

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(database.statuses()).containsEntry("v2", "success");
    }

    @EachDatabase
    void aFailureMidwayIsRecordedButNotRolledBack(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        TestRegistry registry = new TestRegistry().nonTransactional("v1", invocation -> {
            TestRegistry.insertEvent(invocation, "v1");
            throw new IllegalStateException("half done");
        });

        MigrationReport report = MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .build()
                .runAll();

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.events()).containsExactly("v1");
        assertThat(database.statuses()).containsEntry("v1", "failed");
        assertThat(database.error("v1"))
                .hasValueSatisfying(error -> assertThat(error).contains("half done"));

        MigrationReport again = MigrationRunner.builder(database.newJdbi())
                .registries(new TestRegistry().nonTransactional("v1", invocation -> {}))
                .build()
                .runAll();
        assertThat(again.applied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(database.statuses()).containsEntry("v1", "success");
    }

    @Test
    void onPostgresqlASecondRunnerWaitsForANonTransactionalMigrationAndSkipsIt() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        database.execute("CREATE TABLE books (id INT, title TEXT)");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestRegistry first = new TestRegistry().nonTransactional("v1", invocation -> {
            running.countDown();
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
            TestRegistry.insertEvent(invocation, "v1");
            invocation.handle().execute("CREATE INDEX CONCURRENTLY books_title ON books (title)");
        });
        TestRegistry second = new TestRegistry().nonTransactional("v1", invocation -> {
            TestRegistry.insertEvent(invocation, "v1 again");
        });
        // A thread each: the common pool may have one thread only, and the first run blocks in it.
        ExecutorService runners = Executors.newFixedThreadPool(2);
        CompletableFuture<MigrationReport> firstRun = CompletableFuture.supplyAsync(
                () -> MigrationRunner.builder(database.newJdbi())
                        .registries(first)
                        .build()
                        .runAll(),
                runners);
        assertThat(running.await(60, TimeUnit.SECONDS)).isTrue();

        CountDownLatch attempting = new CountDownLatch(1);
        CompletableFuture<MigrationReport> secondRun = CompletableFuture.supplyAsync(
                () -> MigrationRunner.builder(database.newJdbi())
                        .registries(second)
                        .lockTimeout(Duration.ofSeconds(60))
                        .listener(new MigrationListener() {
                            @Override
                            public void beforeMigration(MigrationDefinition migration) {
                                attempting.countDown();
                            }
                        })
                        .build()
                        .runAll(),
                runners);
        assertThat(attempting.await(60, TimeUnit.SECONDS)).isTrue();
        // Long enough for several attempts to claim it while the first runner's body runs.
        TimeUnit.MILLISECONDS.sleep(500);
        assertThat(secondRun).isNotDone();
        release.countDown();

        assertThat(firstRun.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
        MigrationReport skipped = secondRun.get(60, TimeUnit.SECONDS);
        assertThat(skipped.alreadyApplied()).extracting(MigrationResult::id).containsExactly("v1");
        assertThat(second.runs()).isEmpty();
        assertThat(database.events()).containsExactly("v1");
        assertThat(database.statuses()).containsEntry("v1", "success");
        runners.shutdown();
    }
}
