package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A migration with prerequisites ({@code after}) waits for them to succeed; the others carry on as before. */
class PrerequisiteTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    /** v1 fails while {@code broken}; v2 needs v1, v4 needs v2 (a chain), v3 needs nothing. */
    private static TestRegistry registry(AtomicBoolean broken) {
        return new TestRegistry()
                .add("v1", invocation -> {
                    TestRegistry.insertEvent(invocation, "v1");
                    if (broken.get()) {
                        throw new IllegalStateException("v1 is broken");
                    }
                })
                .event("v2")
                .with(d -> d.withAfter("v1"))
                .event("v3")
                .event("v4")
                .with(d -> d.withAfter("v2", "v3"));
    }

    @EachDatabase
    void aMigrationIsHeldBackWhileItsPrerequisiteFailsAndRunsOnceItSucceeds(DatabaseKind kind) {
        TestDatabase database = databases.create(kind, tempDir);
        AtomicBoolean broken = new AtomicBoolean(true);
        MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                .registries(registry(broken))
                .build();

        MigrationReport first = runner.runAll();

        assertThat(first.results())
                .extracting(MigrationResult::id, MigrationResult::outcome, MigrationResult::blockedBy)
                .containsExactly(
                        tuple("v1", MigrationResult.Outcome.FAILED, List.of()),
                        tuple("v2", MigrationResult.Outcome.BLOCKED, List.of("v1")),
                        tuple("v3", MigrationResult.Outcome.APPLIED, List.of()),
                        tuple("v4", MigrationResult.Outcome.BLOCKED, List.of("v2")));
        assertThat(first.blocked().get(0).blockedReason()).contains("held back until v1 succeeds");
        assertThat(first.summary()).endsWith("1 applied, 1 failed, 0 already applied, 2 blocked");
        assertThat(first.toString()).contains("held back until v2 succeeds");
        assertThat(database.events()).containsExactly("v3");
        assertThat(database.statuses()).containsOnlyKeys("v1", "v3");
        assertThat(runner.status())
                .extracting(MigrationStatus::id, MigrationStatus::state, MigrationStatus::blockedBy)
                .containsExactly(
                        tuple("v1", MigrationState.FAILED, List.of()),
                        tuple("v2", MigrationState.BLOCKED, List.of("v1")),
                        tuple("v3", MigrationState.SUCCEEDED, List.of()),
                        tuple("v4", MigrationState.BLOCKED, List.of("v2")));
        assertThat(runner.plan()).extracting(MigrationStatus::id).containsExactly("v1", "v2", "v4");

        broken.set(false);
        MigrationReport second = runner.runAll();

        assertThat(second.results())
                .extracting(MigrationResult::id, MigrationResult::outcome)
                .containsExactly(
                        tuple("v1", MigrationResult.Outcome.APPLIED),
                        tuple("v2", MigrationResult.Outcome.APPLIED),
                        tuple("v3", MigrationResult.Outcome.ALREADY_APPLIED),
                        tuple("v4", MigrationResult.Outcome.APPLIED));
        assertThat(runner.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.SUCCEEDED);
    }

    @Test
    void aPendingPrerequisiteRunsFirstInTheSameRun() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        MigrationRunner runner = MigrationRunner.builder(database.jdbi())
                .registries(registry(new AtomicBoolean(false)))
                .build();

        assertThat(runner.status())
                .extracting(MigrationStatus::state)
                .containsExactly(
                        MigrationState.PENDING, MigrationState.BLOCKED, MigrationState.PENDING, MigrationState.BLOCKED);
        assertThat(runner.plan()).extracting(MigrationStatus::id).containsExactly("v1", "v2", "v3", "v4");
        assertThat(runner.runAll().applied()).hasSize(4);
    }

    @Test
    void anUnknownPrerequisiteStopsTheRunBeforeAnythingRuns() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        TestRegistry registry =
                new TestRegistry().event("v1").event("v5_fill_isbn").with(d -> d.withAfter("v4_add_isbn_column"));

        assertThatThrownBy(() -> MigrationRunner.builder(database.jdbi())
                        .registries(registry)
                        .build()
                        .runAll())
                .isInstanceOf(InvalidPrerequisiteException.class)
                .hasMessageContaining("Migration v5_fill_isbn (com.example.Migrations#v5_fill_isbn) must run after"
                        + " v4_add_isbn_column, but no registry or SQL file on the class path declares a migration"
                        + " v4_add_isbn_column")
                .hasMessageEndingWith("Nothing has run.");
        assertThat(registry.runs()).isEmpty();
        assertThat(database.events()).isEmpty();
    }

    @Test
    void aPrerequisiteThatSortsAfterItsMigrationStopsTheRun() {
        TestDatabase database = databases.create(DatabaseKind.SQLITE, tempDir);
        TestRegistry registry =
                new TestRegistry().event("v2").with(d -> d.withAfter("v10")).event("v10");

        assertThatThrownBy(() -> MigrationRunner.builder(database.jdbi())
                        .registries(registry)
                        .build()
                        .runAll())
                .isInstanceOf(InvalidPrerequisiteException.class)
                .hasMessageContaining("Migration v2 (com.example.Migrations#v2) must run after v10, which does not"
                        + " sort before it");
        assertThat(registry.runs()).isEmpty();
    }
}
