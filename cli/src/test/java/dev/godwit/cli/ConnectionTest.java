package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the command finds the database and logs in, as a separate process: the two URL forms, the environment
 * variables and their precedence, and the failures a deploy pipeline meets, each one line on stderr with exit code 3
 * and never the password.
 */
class ConnectionTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path tempDir;

    private final CliProcess godwit = CliProcess.onTestClassPath();

    @Test
    void platformUrlWithPercentEncodedPasswordLogsIn() {
        TestDatabase database = TestDatabase.postgres(postgres.server());

        CliProcess.Result result = godwit.run("migrate", "--url", database.platformUrl());

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).contains("4 applied");
        assertNoPassword(result);
    }

    @Test
    void godwitDatabaseUrlInPlatformFormWinsOverDatabaseUrl() {
        TestDatabase database = TestDatabase.postgres(postgres.server());

        CliProcess.Result result = godwit.withEnvironment(Map.of(
                        "GODWIT_DATABASE_URL",
                        database.platformUrl(),
                        "DATABASE_URL",
                        "jdbc:postgresql://127.0.0.1:" + freePort() + "/nowhere"))
                .run("plan");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).endsWith("4 migrations to run\n");
        assertNoPassword(result);
    }

    @Test
    void databaseUrlWithUserAndPasswordVariables() {
        TestDatabase database = TestDatabase.postgres(postgres.server());

        CliProcess.Result result = godwit.withEnvironment(Map.of(
                        "DATABASE_URL", database.url(),
                        "GODWIT_DATABASE_USER", PostgresServer.USER,
                        "GODWIT_DATABASE_PASSWORD", PostgresServer.PASSWORD))
                .run("status");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.out()).endsWith("4 migrations: 4 pending\n");
    }

    @Test
    void wrongPasswordIsExit3InOneLineWithoutThePassword() {
        TestDatabase database = TestDatabase.postgres(postgres.server());
        String wrong = "wrong-" + PostgresServer.PASSWORD;

        CliProcess.Result result =
                godwit.run("status", "--url", database.url(), "--user", PostgresServer.USER, "--password", wrong);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("godwit: error: Could not connect to " + database.url() + " as library: ")
                .contains("password authentication failed")
                .hasLineCount(1);
        assertThat(result.output()).doesNotContain(wrong, PostgresServer.PASSWORD, "s3cret");
    }

    @Test
    void unreachableServerIsExit3InOneLineWithoutThePassword() {
        int port = freePort();

        CliProcess.Result result = godwit.run(
                "migrate",
                "--url",
                "postgresql://library:" + PostgresServer.encode(PostgresServer.PASSWORD) + "@127.0.0.1:" + port
                        + "/library");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err())
                .isEqualTo("godwit: error: Could not connect to jdbc:postgresql://127.0.0.1:" + port
                        + "/library as library: Connection to 127.0.0.1:" + port + " refused. Check that the hostname"
                        + " and port are correct and that the postmaster is accepting TCP/IP connections.\n");
        assertNoPassword(result);
    }

    @Test
    void missingDatabaseIsExit3AndAPasswordParameterIsMasked() {
        String url = "jdbc:postgresql://localhost:" + postgres.server().port() + "/no_such_database?user="
                + PostgresServer.USER + "&password=" + PostgresServer.encode(PostgresServer.PASSWORD);

        CliProcess.Result result = godwit.run("migrate", "--verbose", "--url", url);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err())
                .contains("godwit: error: Could not connect to jdbc:postgresql://localhost:"
                        + postgres.server().port() + "/no_such_database?user=library&password=***: ")
                .contains("\"no_such_database\" does not exist");
        assertThat(result.err().lines().filter(line -> line.startsWith("godwit: ")))
                .hasSize(1);
        assertThat(result.err()).as("--verbose shows the stack trace").contains("\tat ");
        assertNoPassword(result);
    }

    @Test
    void statusDoesNotCreateAMissingSqliteFile() {
        Path file = tempDir.resolve("missing.db");

        CliProcess.Result result = godwit.run("status", "--url", "jdbc:sqlite:" + file);

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err())
                .startsWith("godwit: error: Could not connect to jdbc:sqlite:" + file + ": [SQLITE_CANTOPEN]")
                .endsWith("This command does not create a database: check the path, or run migrate first.\n")
                .hasLineCount(1);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void sqliteFileInAMissingFolderIsExit3() {
        CliProcess.Result result = godwit.run("migrate", "--url", "jdbc:sqlite:" + tempDir.resolve("no/such/x.db"));

        assertThat(result.exitCode()).as("%s", result).isEqualTo(3);
        assertThat(result.err()).contains("[SQLITE_CANTOPEN]").hasLineCount(1);
    }

    @Test
    void noUrlAnywhereIsAUsageError() {
        CliProcess.Result result = godwit.run("migrate");

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err())
                .isEqualTo("godwit: error: No database URL: give --url, or set GODWIT_DATABASE_URL or DATABASE_URL"
                        + " (jdbc:postgresql://host:5432/database, jdbc:sqlite:file.db or"
                        + " postgresql://user:password@host:5432/database).\n");
    }

    private static void assertNoPassword(CliProcess.Result result) {
        assertThat(result.output())
                .doesNotContain(PostgresServer.PASSWORD, PostgresServer.encode(PostgresServer.PASSWORD), "s3cret");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
