package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.godwit.cli.internal.Durations;
import dev.godwit.runtime.MigrationRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line: exit code 2 and one line on stderr, with the password never echoed. */
class UsageTest {

    @TempDir
    Path tempDir;

    @Test
    void helpListsTheCommandsTheExitCodesAndTheVariables() {
        CliProcess.Result result = CliProcess.onTestClassPath().run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Usage: godwit [-hVv] COMMAND")
                .contains("migrate           Runs every pending migration.")
                .contains("status            Shows where every migration stands.")
                .contains("plan              Shows what migrate would run now, in order; changes nothing.")
                .contains("accept-checksums  Accepts changed migrations: records their current checksums.")
                .contains("new               Scaffolds the next migration")
                .contains("Exit codes:\n  0   All done.\n  1   One or more migrations failed")
                .contains("  2   Usage or configuration error; nothing was done.")
                .contains("  3   The database could not be reached, or a lock wait timed out")
                .contains("GODWIT_DATABASE_URL, DATABASE_URL", "GODWIT_DATABASE_USER", "GODWIT_DATABASE_PASSWORD");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void versionNamesTheBuild() {
        CliProcess.Result result = InProcessCli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("godwit 0.1.0-SNAPSHOT\nJava ");
    }

    @Test
    void noCommand() {
        assertUsageError(
                InProcessCli.run(),
                "godwit: error: Missing command: migrate, status, plan, accept-checksums or new. See 'godwit --help'.");
    }

    @Test
    void misspelledCommandGetsASuggestion() {
        CliProcess.Result result = InProcessCli.run("migrat");

        assertUsageError(
                result,
                "godwit: error: Unmatched argument at index 0: 'migrat'. Did you mean migrate or status? See 'godwit --help'.");
    }

    @Test
    void unknownOptionDoesNotEchoThePassword() {
        CliProcess.Result result = InProcessCli.run("migrate", "--password", "hunter2-secret", "--bogus");

        assertUsageError(result, "godwit: error: Unknown option: '--bogus'. See 'godwit migrate --help'.");
    }

    @Test
    void strayArgumentAfterAPlatformUrlDoesNotEchoThePassword() {
        CliProcess.Result result =
                InProcessCli.run("status", "--url", "postgresql://app:hunter2-secret@db/app", "extra");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).doesNotContain("hunter2-secret");
    }

    @Test
    void unknownFormat() {
        assertUsageError(
                InProcessCli.run("status", "--format", "xml"),
                "godwit: error: Invalid value for option '--format': expected one of [TABLE, JSON]"
                        + " (case-insensitive) but was 'xml'. See 'godwit status --help'.");
    }

    @Test
    void lockTimeoutThatIsNotAPositiveDuration() {
        for (String value : new String[] {"0s", "soon", "-PT1S"}) {
            assertUsageError(
                    InProcessCli.run("migrate", "--lock-timeout", value),
                    "godwit: error: Invalid value for option '--lock-timeout': '" + value + "' is not a positive"
                            + " duration: give a number and a unit, such as 500ms, 30s, 10m or 1h, or ISO-8601 such as"
                            + " PT1M30S. See 'godwit migrate --help'.");
        }
        assertThat(Durations.parse(LockOptions.DEFAULT)).isEqualTo(MigrationRunner.DEFAULT_LOCK_TIMEOUT);
        assertUsageError(
                InProcessCli.run("accept-checksums", "--lock-timeout", "600h"),
                "godwit: error: Invalid value for option '--lock-timeout': '600h' is longer than the databases can"
                        + " wait: at most 596h (24 days). See 'godwit accept-checksums --help'.");
    }

    @Test
    void malformedTableName() {
        CliProcess.Result result =
                InProcessCli.run("migrate", "--url", "jdbc:sqlite:" + tempDir.resolve("x.db"), "--table", "bad name");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err())
                .startsWith("godwit: error: ")
                .contains("bad name")
                .hasLineCount(1);
        assertThat(tempDir.resolve("x.db")).as("nothing was done").doesNotExist();
    }

    @Test
    void missingClassPathEntry() {
        Path missing = tempDir.resolve("app.jar");

        assertUsageError(
                InProcessCli.run("plan", "--url", "jdbc:sqlite:x.db", "--classpath", missing.toString()),
                "godwit: error: No such file or folder: " + missing + " (in --classpath).");
    }

    @Test
    void unsupportedUrlForm() {
        assertUsageError(
                InProcessCli.run("migrate", "--url", "mysql://app:hunter2-secret@db/app"),
                "godwit: error: Unsupported database URL 'mysql://app:***@db/app': give a JDBC URL"
                        + " (jdbc:postgresql://host:5432/database, jdbc:sqlite:path/to/file.db) or"
                        + " postgresql://user:password@host:5432/database.");
    }

    @Test
    void newWithoutDescription() {
        assertUsageError(
                InProcessCli.run("new"),
                "godwit: error: Missing required parameter: 'DESCRIPTION'. See 'godwit new --help'.");
    }

    private static void assertUsageError(CliProcess.Result result, String line) {
        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.err()).isEqualTo(line + "\n");
        assertThat(result.out()).isEmpty();
        assertThat(result.output()).doesNotContain("hunter2-secret");
    }
}
