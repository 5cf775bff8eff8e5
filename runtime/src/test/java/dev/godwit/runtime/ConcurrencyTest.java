package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.runtime.internal.database.PostgresTrackingDialect;
import dev.godwit.runtime.internal.database.TableName;
import dev.godwit.runtime.internal.database.TrackingTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several runners at once, each with connections of its own, in threads of one JVM. (Separate processes and crashes
 * are the subject of their own tests.)
 */
class ConcurrencyTest {

    private static final int RUNNERS = 4;
    private static final int MIGRATIONS = 10;

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @EachDatabase
    void concurrentRunnersRunEachMigrationOnce(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);
        CyclicBarrier start = new CyclicBarrier(RUNNERS);

        List<MigrationReport> reports = inParallel(RUNNERS, runner -> {
            TestRegistry registry = new TestRegistry();
            for (int i = 1; i <= MIGRATIONS; i++) {
                String id = "v" + i;
                registry.add(id, invocation -> {
                    TestRegistry.insertEvent(invocation, id);
                    Thread.sleep(5);
                });
            }
            MigrationRunner migrationRunner = MigrationRunner.builder(database.newJdbi())
                    .registries(registry)
                    .build();
            start.await();
            return migrationRunner.runAll();
        });

        assertThat(database.count("SELECT count(*) FROM events")).isEqualTo(MIGRATIONS);
        assertThat(database.count("SELECT count(DISTINCT name) FROM events")).isEqualTo(MIGRATIONS);
        assertThat(reports).noneMatch(MigrationReport::hasFailures);
        assertThat(reports.stream().mapToInt(report -> report.applied().size()).sum())
                .isEqualTo(MIGRATIONS);
        assertThat(reports.stream()
                        .mapToInt(report -> report.alreadyApplied().size())
                        .sum())
                .isEqualTo(MIGRATIONS * (RUNNERS - 1));
        assertThat(database.statuses())
                .hasSize(MIGRATIONS)
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("success"));
    }

    @Test
    void concurrentCreationOfTheTrackingTableOnPostgresqlSucceedsEverywhere() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        int threads = 8;
        for (int round = 1; round <= 10; round++) {
            TableName table = TableName.parse("race_" + round);
            CyclicBarrier start = new CyclicBarrier(threads);

            List<Boolean> created = inParallel(threads, thread -> {
                try (Handle handle = database.newJdbi().open()) {
                    TrackingTable tracking = new TrackingTable(new PostgresTrackingDialect(), table);
                    start.await();
                    return tracking.create(handle.getConnection());
                }
            });

            assertThat(created).contains(true);
            assertThat(database.tableExists(table.sql())).isTrue();
        }
    }

    @Test
    void concurrentRunnersOnAnEmptyPostgresqlDatabaseAllSucceed() throws Exception {
        TestDatabase database = databases.create(DatabaseKind.POSTGRESQL, tempDir);
        int runners = 8;
        CyclicBarrier start = new CyclicBarrier(runners);

        List<MigrationReport> reports = inParallel(runners, runner -> {
            Jdbi jdbi = database.newJdbi();
            MigrationRunner migrationRunner = MigrationRunner.builder(jdbi)
                    .registries(new TestRegistry().event("v1"))
                    .build();
            start.await();
            return migrationRunner.runAll();
        });

        assertThat(reports).noneMatch(MigrationReport::hasFailures);
        assertThat(database.events()).containsExactly("v1");
    }

    /** Runs {@code task} in {@code threads} threads at once and returns what each returned. */
    private static <T> List<T> inParallel(int threads, Task<T> task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }
}
