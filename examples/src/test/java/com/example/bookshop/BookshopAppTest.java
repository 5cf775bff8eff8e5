package com.example.bookshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.godwit.runtime.MigrationKind;
import dev.godwit.runtime.MigrationReport;
import dev.godwit.runtime.MigrationResult;
import dev.godwit.runtime.MigrationRunner;
import dev.godwit.runtime.MigrationState;
import dev.godwit.runtime.MigrationStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example application as compiled by Maven with the real Godwit processor on its annotationProcessorPaths, run
 * against an SQLite file and a real PostgreSQL.
 */
class BookshopAppTest {

    private static final List<String> ALL_IDS = List.of(
            "v1_create_books",
            "v2_import_starter_catalog",
            "v3_create_reviews",
            "v4_rescale_ratings",
            "v10_backfill_language",
            "v11_require_language");

    private static final List<String> CODE_IDS =
            List.of("v2_import_starter_catalog", "v4_rescale_ratings", "v10_backfill_language");

    private static EmbeddedPostgres postgres;

    @TempDir
    static Path tempDir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("SQLite", (DatabaseFactory)
                        name -> Jdbi.create("jdbc:sqlite:" + tempDir.resolve(name + ".db"))),
                Arguments.of("PostgreSQL", (DatabaseFactory) BookshopAppTest::freshPostgresDatabase));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void firstStartRunsEveryMigrationInVersionOrder(String database, DatabaseFactory databases) {
        Jdbi jdbi = databases.create("first_start");

        MigrationReport report = BookshopApp.migrate(jdbi);

        assertThat(report.hasFailures()).isFalse();
        assertThat(report.applied()).extracting(MigrationResult::id).containsExactlyElementsOf(ALL_IDS);
        assertThat(query(jdbi, "SELECT language FROM books ORDER BY id")).containsExactly("en", "fr", "en");
        assertThat(query(jdbi, "SELECT rating FROM reviews ORDER BY book_id")).containsExactly("5", "4");
        assertThat(query(jdbi, "SELECT id FROM godwit_migrations WHERE status = 'success'"))
                .containsExactlyInAnyOrderElementsOf(ALL_IDS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sqlFilesAndCodeInterleaveAndTheConstraintHoldsAfterTheBackfill(String database, DatabaseFactory databases) {
        Jdbi jdbi = databases.create("interleaved");
        BookshopApp.migrate(jdbi);

        assertThat(MigrationRunner.status(jdbi))
                .allSatisfy(status -> {
                    assertThat(status.state()).isEqualTo(MigrationState.SUCCEEDED);
                    assertThat(status.kind())
                            .contains(CODE_IDS.contains(status.id()) ? MigrationKind.CODE : MigrationKind.SQL);
                    assertThat(status.checksum()).isPresent();
                })
                .extracting(MigrationStatus::id)
                .containsExactlyElementsOf(ALL_IDS);
        // v11 (SQL, a variant per database) came after v10's backfill (code), so it could make language required.
        assertThatThrownBy(() -> jdbi.useHandle(
                        h -> h.execute("INSERT INTO books (id, title, author) VALUES (4, 'Untitled', 'Anonymous')")))
                .hasMessageContaining("language");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void planListsWhatWouldRunAndWritesNothing(String database, DatabaseFactory databases) {
        Jdbi jdbi = databases.create("plan");

        assertThat(MigrationRunner.plan(jdbi)).extracting(MigrationStatus::id).containsExactlyElementsOf(ALL_IDS);
        assertThat(MigrationRunner.plan(jdbi)).extracting(MigrationStatus::id).containsExactlyElementsOf(ALL_IDS);

        BookshopApp.migrate(jdbi);
        assertThat(MigrationRunner.plan(jdbi)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void secondStartRunsNothingAndDeletingARowRunsThatMigrationAgain(String database, DatabaseFactory databases) {
        Jdbi jdbi = databases.create("restart");
        BookshopApp.migrate(jdbi);

        MigrationReport restart = BookshopApp.migrate(jdbi);
        assertThat(restart.applied()).isEmpty();
        assertThat(restart.alreadyApplied()).extracting(MigrationResult::id).containsExactlyElementsOf(ALL_IDS);

        jdbi.useHandle(
                h -> h.execute("DELETE FROM godwit_migrations WHERE id = ?", GodwitRegistry.V10_BACKFILL_LANGUAGE));
        MigrationReport rerun = BookshopApp.migrate(jdbi);
        assertThat(rerun.applied()).extracting(MigrationResult::id).containsExactly("v10_backfill_language");
        assertThat(rerun.alreadyApplied()).hasSize(ALL_IDS.size() - 1);
        assertThat(query(jdbi, "SELECT status FROM godwit_migrations WHERE id = 'v10_backfill_language'"))
                .containsExactly("success");
    }

    @Test
    void generatedRegistryCarriesOneConstantPerId() {
        assertThat(GodwitRegistry.V2_IMPORT_STARTER_CATALOG).isEqualTo("v2_import_starter_catalog");
        assertThat(GodwitRegistry.V10_BACKFILL_LANGUAGE).isEqualTo("v10_backfill_language");
        assertThat(new GodwitRegistry().migrations())
                .extracting(definition -> definition.id())
                .containsExactlyElementsOf(CODE_IDS);
    }

    @Test
    void theReviewMigrationNeedsTheReviewsTableAndItsInstanceFromTheFactory() {
        assertThat(new GodwitRegistry().migrations())
                .filteredOn(definition -> definition.id().equals(GodwitRegistry.V4_RESCALE_RATINGS))
                .singleElement()
                .satisfies(definition -> assertThat(definition.after()).containsExactly("v3_create_reviews"));
    }

    @Test
    void withoutTheInstanceFactoryOnlyTheReviewMigrationFails() {
        Jdbi jdbi = Jdbi.create("jdbc:sqlite:" + tempDir.resolve("no-factory.db"));

        MigrationReport report = MigrationRunner.runAll(jdbi);

        assertThat(report.failed()).extracting(MigrationResult::id).containsExactly("v4_rescale_ratings");
        assertThat(report.failed().get(0).error().orElseThrow())
                .hasMessageContaining("has no no-argument constructor")
                .hasMessageContaining("MigrationRunner.Builder.instances(");
        assertThat(report.applied()).hasSize(ALL_IDS.size() - 1);
    }

    @Test
    void mainPrintsTheStatusTableAndExitsZero() throws Exception {
        String url = "jdbc:sqlite:" + tempDir.resolve("main.db");

        ProcessResult first = runMain(url);
        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(first.output).contains("ID", "KIND", "STATE", "EXECUTED AT (UTC)", "DURATION");
        assertThat(first.output).containsPattern("v1_create_books\\s+sql\\s+succeeded\\s+\\d{4}-\\d\\d-\\d\\d");
        assertThat(first.output).containsPattern("v10_backfill_language\\s+code\\s+succeeded\\s+\\d{4}-\\d\\d-\\d\\d");
        assertThat(first.output).contains("6 applied, 0 failed, 0 already applied");

        ProcessResult second = runMain(url);
        assertThat(second.exitCode).as(second.output).isZero();
        assertThat(second.output).containsPattern("v11_require_language\\s+sql\\s+succeeded");
        assertThat(second.output).contains("0 applied, 0 failed, 6 already applied");
    }

    @Test
    void mainRejectsAnOptionWithUsageAndExitCodeTwo() throws Exception {
        ProcessResult result = runMain("--help");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.output).contains("Usage: BookshopApp [jdbc-url]");
    }

    /** Runs the application's main class in its own JVM, as a user would. */
    private static ProcessResult runMain(String argument) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BookshopApp.class.getName(),
                        argument)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(process.exitValue(), output);
    }

    private record ProcessResult(int exitCode, String output) {}

    @FunctionalInterface
    interface DatabaseFactory {
        Jdbi create(String name);
    }

    private static List<String> query(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    private static Jdbi freshPostgresDatabase(String name) {
        Jdbi admin = Jdbi.create(postgres.getPostgresDatabase());
        admin.useHandle(h -> {
            h.execute("DROP DATABASE IF EXISTS " + name);
            h.execute("CREATE DATABASE " + name);
        });
        return Jdbi.create(postgres.getJdbcUrl("postgres", name));
    }
}
