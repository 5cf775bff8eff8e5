package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.godwit.runtime.DatabaseKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every database command, run as a separate process on SQLite and PostgreSQL, through the life of a database: a plan
 * that writes nothing, a run where one migration fails, the status of that, a run that retries it, and the status at
 * the end.
 */
class CommandsTest {

    /** A duration as the command prints it; a slow machine may take a second. */
    static final String DURATION = "(\\d+ ms|\\d+\\.\\d s)";

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void planMigrateStatusAndRetryAFailedMigration(DatabaseKind kind) throws Exception {
        TestDatabase database = database(kind);
        CliProcess godwit = CliProcess.onTestClassPath().withEnvironment(passwordVariable(database));
        String[] connection = connectionOptions(database);

        CliProcess.Result plan = godwit.run(command("plan", connection));
        assertThat(plan.exitCode()).as("%s", plan).isZero();
        assertThat(dataLines(plan.out()))
                .containsExactly(
                        "v1_create_books    code  pending  dev.godwit.cli.testapp.LibraryMigrations#createBooks",
                        "v2_create_authors  sql   pending  db/migration/v2_create_authors.sql",
                        "v3_fail_on_switch  code  pending  dev.godwit.cli.testapp.LibraryMigrations#failOnSwitch",
                        "v4_slow_on_switch  code  pending  dev.godwit.cli.testapp.LibraryMigrations#slowOnSwitch");
        assertThat(plan.out()).endsWith("4 migrations to run\n");
        assertThat(database.tables()).as("plan writes nothing").isEmpty();

        database.execute("CREATE TABLE fail_switch (x INTEGER)");
        CliProcess.Result failing = godwit.run(command("migrate", connection));
        assertThat(failing.exitCode()).as("%s", failing).isEqualTo(1);
        assertThat(failing.out().lines()).hasSize(5).satisfies(lines -> {
            assertThat(lines.get(0)).matches("applied +" + DURATION + "  v1_create_books");
            assertThat(lines.get(1)).matches("applied +" + DURATION + "  v2_create_authors");
            assertThat(lines.get(2))
                    .matches("FAILED +" + DURATION + "  v3_fail_on_switch: java.lang.IllegalStateException:"
                            + " fail_switch is set");
            assertThat(lines.get(3)).matches("applied +" + DURATION + "  v4_slow_on_switch");
            assertThat(lines.get(4)).matches("4 migrations in \\d+ ms: 3 applied, 1 failed, 0 already applied");
        });
        assertThat(failing.err())
                .as("one line, no stack trace")
                .isEqualTo(
                        "godwit: error: 1 migration failed: v3_fail_on_switch. Each is recorded as failed and runs again"
                                + " on the next migrate.\n");

        CliProcess.Result json = godwit.run(command("status", connection, "--format", "json"));
        assertThat(json.exitCode()).as("%s", json).isZero();
        JsonNode migrations = new ObjectMapper().readTree(json.out()).get("migrations");
        assertThat(migrations).hasSize(4);
        assertThat(migrations.findValuesAsText("id"))
                .containsExactly("v1_create_books", "v2_create_authors", "v3_fail_on_switch", "v4_slow_on_switch");
        assertThat(migrations.findValuesAsText("state"))
                .containsExactly("succeeded", "succeeded", "failed", "succeeded");
        assertThat(migrations.findValuesAsText("kind")).containsExactly("code", "sql", "code", "code");
        JsonNode sql = migrations.get(1);
        assertThat(sql.get("source").asText()).isEqualTo("db/migration/v2_create_authors.sql");
        assertThat(sql.get("checksum").asText())
                .hasSize(64)
                .isEqualTo(sql.get("recordedChecksum").asText());
        assertThat(sql.get("error").isNull()).isTrue();
        assertThat(Instant.parse(sql.get("executedAt").asText())).isBefore(Instant.now());
        assertThat(sql.get("durationMs").isIntegralNumber()).isTrue();
        JsonNode failed = migrations.get(2);
        assertThat(failed.get("error").asText()).contains("java.lang.IllegalStateException: fail_switch is set");
        assertThat(failed.get("source").asText()).isEqualTo("dev.godwit.cli.testapp.LibraryMigrations#failOnSwitch");

        database.execute("DROP TABLE fail_switch");
        // As if v2's file had been edited after it ran.
        database.execute("UPDATE godwit_migrations SET checksum = 'edited' WHERE id = 'v2_create_authors'");
        CliProcess.Result retryPlan = godwit.run(command("plan", connection));
        assertThat(dataLines(retryPlan.out()))
                .containsExactly(
                        "v3_fail_on_switch  code  FAILED  dev.godwit.cli.testapp.LibraryMigrations#failOnSwitch");

        CliProcess.Result retry = godwit.run(command("migrate", connection));
        assertThat(retry.exitCode()).as("%s", retry).isZero();
        assertThat(retry.out().lines())
                .satisfiesExactly(
                        line -> assertThat(line).matches("applied +" + DURATION + "  v3_fail_on_switch"),
                        line -> assertThat(line)
                                .matches("4 migrations in \\d+ ms: 1 applied, 0 failed, 3 already applied"));
        assertThat(retry.err())
                .isEqualTo("godwit: warning: v2_create_authors (db/migration/v2_create_authors.sql) has changed since"
                        + " it succeeded; it is not run again. Revert the change, or accept it with"
                        + " 'godwit accept-checksums v2_create_authors'.\n");

        CliProcess.Result status = godwit.run(command("status", connection));
        assertThat(status.exitCode()).as("%s", status).isZero();
        List<String> lines = status.out().lines().toList();
        String executed = " +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +" + DURATION;
        assertThat(lines)
                .satisfiesExactly(
                        line -> assertThat(line).matches("ID +KIND +STATE +EXECUTED AT +DURATION +ERROR"),
                        line -> assertThat(line).matches("v1_create_books +code +succeeded" + executed),
                        line -> assertThat(line).matches("v2_create_authors +sql +CHANGED" + executed),
                        line -> assertThat(line).matches("v3_fail_on_switch +code +succeeded" + executed),
                        line -> assertThat(line).matches("v4_slow_on_switch +code +succeeded" + executed),
                        line -> assertThat(line).isEqualTo("4 migrations: 3 succeeded, 1 changed"));
        assertThat(status.err()).isEmpty();
        assertThat(database.tables()).contains("books", "authors", "godwit_migrations");

        CliProcess.Result unknown = godwit.run(command("accept-checksums", connection, "v2_create_authors", "v9_nope"));
        assertThat(unknown.exitCode()).as("%s", unknown).isEqualTo(2);
        assertThat(unknown.err()).startsWith("godwit: error: ").contains("v9_nope");
        assertThat(json(godwit, connection).get(1).get("recordedChecksum").asText())
                .as("nothing written")
                .isEqualTo("edited");

        CliProcess.Result accept = godwit.run(command("accept-checksums", connection, "v2_create_authors"));
        assertThat(accept.exitCode()).as("%s", accept).isZero();
        JsonNode accepted = json(godwit, connection).get(1);
        assertThat(accepted.get("state").asText()).isEqualTo("succeeded");
        assertThat(accepted.get("recordedChecksum").asText())
                .isEqualTo(accepted.get("checksum").asText());
        assertThat(accept.out())
                .isEqualTo("accepted  v2_create_authors (db/migration/v2_create_authors.sql): edited -> "
                        + accepted.get("checksum").asText() + "\n1 checksum accepted\n");

        CliProcess.Result again = godwit.run(command("accept-checksums", connection));
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).isEqualTo("Nothing to accept: no migration has changed.\n");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void migrateAndAcceptChecksumsWaitForAnotherRunnerNoLongerThanTheLockTimeout(DatabaseKind kind) throws Exception {
        TestDatabase database = database(kind);
        CliProcess godwit = CliProcess.onTestClassPath().withEnvironment(passwordVariable(database));
        String[] connection = connectionOptions(database);
        database.execute("CREATE TABLE fail_switch (x INTEGER)");
        CliProcess.Result failing = godwit.run(command("migrate", connection));
        assertThat(failing.exitCode()).as("%s", failing).isEqualTo(1);
        database.execute("DROP TABLE fail_switch");
        database.execute("UPDATE godwit_migrations SET checksum = 'edited' WHERE id = 'v2_create_authors'");

        // Another runner in the middle of v3 and of v2 (an interval migration's rerun claims a succeeded row): on
        // PostgreSQL its transaction holds their rows, on SQLite the database's write lock.
        try (Connection other = database.connect()) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeUpdate("UPDATE godwit_migrations SET error = error"
                        + " WHERE id IN ('v2_create_authors', 'v3_fail_on_switch')");
            }
            CliProcess.Result migrate = godwit.run(command("migrate", connection, "--lock-timeout", "1s"));
            assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(3);
            assertThat(migrate.err().lines())
                    .satisfiesExactly(
                            line -> assertThat(line)
                                    .startsWith("godwit: error: Migration v3_fail_on_switch waited 1 s for another"
                                            + " runner")
                                    .contains(
                                            kind == DatabaseKind.SQLITE
                                                    ? "another connection"
                                                    : "held by the session with pid "),
                            line -> assertThat(line)
                                    .isEqualTo("godwit: hint: to wait longer, give --lock-timeout (default 10m)."));

            CliProcess.Result accept = godwit.run(command("accept-checksums", connection, "--lock-timeout", "PT0.5S"));
            assertThat(accept.exitCode()).as("%s", accept).isEqualTo(3);
            assertThat(accept.err()).startsWith("godwit: error: Waited 500 ms (MigrationRunner.Builder#lockTimeout)");
            other.rollback();
        }

        CliProcess.Result retry = godwit.run(command("migrate", connection, "--lock-timeout", "30s"));
        assertThat(retry.exitCode()).as("%s", retry).isZero();
        assertThat(retry.out().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line).matches("applied +" + DURATION + "  v3_fail_on_switch"));
        CliProcess.Result accept = godwit.run(command("accept-checksums", connection, "--lock-timeout", "30s"));
        assertThat(accept.exitCode()).as("%s", accept).isZero();
        assertThat(accept.out()).endsWith("1 checksum accepted\n");
    }

    /** A new, empty database: an SQLite file in the test's folder, or a database on the embedded server. */
    private TestDatabase database(DatabaseKind kind) throws SQLException {
        return (kind == DatabaseKind.SQLITE
                        ? TestDatabase.sqlite(tempDir.resolve("library.db"))
                        : TestDatabase.postgres(postgres.server()))
                .created();
    }

    /** The {@code migrations} of {@code status --format json}. */
    private static JsonNode json(CliProcess godwit, String[] connection) throws Exception {
        CliProcess.Result status = godwit.run(command("status", connection, "--format", "json"));
        assertThat(status.exitCode()).as("%s", status).isZero();
        return new ObjectMapper().readTree(status.out()).get("migrations");
    }

    /** The password goes in its environment variable, as the README recommends. */
    static Map<String, String> passwordVariable(TestDatabase database) {
        return database.password() == null ? Map.of() : Map.of("GODWIT_DATABASE_PASSWORD", database.password());
    }

    static String[] connectionOptions(TestDatabase database) {
        return database.user() == null
                ? new String[] {"--url", database.url()}
                : new String[] {"--url", database.url(), "--user", database.user()};
    }

    static String[] command(String name, String[] connection, String... more) {
        List<String> args = new ArrayList<>();
        args.add(name);
        args.addAll(List.of(connection));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** A table's rows: the lines between the header and the summary. */
    private static List<String> dataLines(String table) {
        List<String> lines = table.lines().toList();
        return lines.subList(1, lines.size() - 1);
    }
}
