package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Interval migrations ({@code runUntil}) run at every start before their threshold, and never from then on. */
class IntervalMigrationTest {

    private static final Instant THRESHOLD = Instant.parse("2027-03-01T00:00:00Z");

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    private static TestRegistry registry() {
        return new TestRegistry().event("v1").event("v2").with(d -> d.withRunUntil(THRESHOLD));
    }

    private static MigrationRunner runner(TestDatabase database, TestRegistry registry, Instant now) {
        return MigrationRunner.builder(database.jdbi())
                .registries(registry)
                .clock(Clock.fixed(now, ZoneOffset.UTC))
                .build();
    }

    @EachDatabase
    void runsAgainAtEveryStartBeforeTheThresholdEvenAfterSuccessAndRecordsTheLastRun(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Instant first = Instant.parse("2027-01-01T10:00:00Z");
        Instant second = Instant.parse("2027-02-28T23:59:59.999Z");

        MigrationReport firstReport = runner(database, registry(), first).runAll();
        MigrationReport secondReport = runner(database, registry(), second).runAll();

        assertThat(firstReport.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(secondReport.results())
                .extracting(MigrationResult::id, MigrationResult::outcome)
                .containsExactly(
                        tuple("v1", MigrationResult.Outcome.ALREADY_APPLIED),
                        tuple("v2", MigrationResult.Outcome.APPLIED));
        assertThat(database.events()).containsExactly("v1", "v2", "v2");
        List<MigrationStatus> statuses = runner(database, registry(), second).status();
        assertThat(statuses)
                .extracting(
                        MigrationStatus::id,
                        MigrationStatus::state,
                        MigrationStatus::runUntil,
                        MigrationStatus::executedAt)
                .containsExactly(
                        tuple("v1", MigrationState.SUCCEEDED, Optional.empty(), Optional.of(first)),
                        tuple("v2", MigrationState.ACTIVE, Optional.of(THRESHOLD), Optional.of(second)));
        assertThat(runner(database, registry(), second).plan())
                .extracting(MigrationStatus::id)
                .containsExactly("v2");
    }

    @EachDatabase
    void neverRunsAgainFromTheThresholdOn(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Instant before = Instant.parse("2027-01-01T10:00:00Z");
        runner(database, registry(), before).runAll();

        MigrationReport atThreshold = runner(database, registry(), THRESHOLD).runAll();
        MigrationReport later =
                runner(database, registry(), THRESHOLD.plusSeconds(86_400)).runAll();

        assertThat(database.events()).containsExactly("v1", "v2");
        for (MigrationReport report : List.of(atThreshold, later)) {
            assertThat(report.expired()).extracting(MigrationResult::id).containsExactly("v2");
            assertThat(report.expired().get(0).executedAt()).isEqualTo(before);
            assertThat(report.summary()).endsWith("0 applied, 0 failed, 1 already applied, 1 expired");
        }
        MigrationRunner after = runner(database, registry(), THRESHOLD);
        assertThat(after.status())
                .extracting(MigrationStatus::id, MigrationStatus::state)
                .containsExactly(tuple("v1", MigrationState.SUCCEEDED), tuple("v2", MigrationState.EXPIRED));
        assertThat(after.plan()).isEmpty();
    }

    @EachDatabase
    void anIntervalMigrationFirstSeenAfterItsThresholdNeverRuns(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);

        MigrationReport report =
                runner(database, registry(), THRESHOLD.plusSeconds(1)).runAll();

        assertThat(database.events()).containsExactly("v1");
        assertThat(database.statuses()).containsOnlyKeys("v1");
        assertThat(report.results())
                .extracting(MigrationResult::id, MigrationResult::outcome)
                .containsExactly(
                        tuple("v1", MigrationResult.Outcome.APPLIED), tuple("v2", MigrationResult.Outcome.EXPIRED));
        assertThat(runner(database, registry(), THRESHOLD).status())
                .extracting(MigrationStatus::state)
                .containsExactly(MigrationState.SUCCEEDED, MigrationState.EXPIRED);
    }

    @EachDatabase
    void aFailedIntervalMigrationRunsAgainWhileActive(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        Instant now = Instant.parse("2027-01-01T10:00:00Z");
        TestRegistry failing = new TestRegistry().failing("v2", "boom").with(d -> d.withRunUntil(THRESHOLD));
        runner(database, failing, now).runAll();

        MigrationReport report = runner(database, registry(), now).runAll();

        assertThat(report.applied()).extracting(MigrationResult::id).containsExactly("v1", "v2");
        assertThat(database.statuses()).containsEntry("v2", "success");
    }
}
