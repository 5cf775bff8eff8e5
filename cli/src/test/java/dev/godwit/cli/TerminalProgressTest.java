package dev.godwit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a terminal, {@code migrate} shows which migration is running, on a line it rewrites and then clears. */
class TerminalProgressTest {

    @TempDir
    Path tempDir;

    @Test
    void terminalShowsTheRunningMigrationAndThenItsLine() throws Exception {
        assumeTrue(CliProcess.canRunOnTerminal(), "needs util-linux's script for a pseudo-terminal");
        TestDatabase database =
                TestDatabase.sqlite(tempDir.resolve("library.db")).created();
        database.execute("CREATE TABLE slow_switch (x INTEGER)");

        CliProcess.Result result = CliProcess.onTestClassPath().runOnTerminal("migrate", "--url", database.url());

        assertThat(result.exitCode()).as("%s", result).isZero();
        String screen = result.out();
        assertThat(screen).contains("\rrunning v4_slow_on_switch for ");
        // The live line is blanked out before the migration's own line is printed over it.
        assertThat(screen).containsPattern("\r +\rapplied +" + CommandsTest.DURATION + "  v4_slow_on_switch\r\n");
        assertThat(screen).containsPattern("\r\n4 migrations in \\d+ ms: 4 applied, 0 failed, 0 already applied\r\n$");
    }
}
