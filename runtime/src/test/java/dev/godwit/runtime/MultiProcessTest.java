package dev.godwit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runners in separate JVM processes against one database: many started at the same moment, and one killed with
 * SIGKILL in the middle of a migration. Each process is a {@link RunnerProcess}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MultiProcessTest {

    private static final int ROUNDS = 3;

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void runnersStartedTogetherRunEachMigrationExactlyOnce(DatabaseKind kind) throws Exception {
        int processes = kind == DatabaseKind.POSTGRESQL ? 8 : 4;
        for (int round = 1; round <= ROUNDS; round++) {
            TestDatabase database = databases.create(kind, Files.createDirectories(tempDir.resolve("round" + round)));

            List<RunnerHandle> runners = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                runners.add(RunnerHandle.start(database, "concurrent"));
            }
            for (RunnerHandle runner : runners) {
                runner.awaitLine("READY");
            }
            for (RunnerHandle runner : runners) {
                runner.go();
            }
            List<String> output = new ArrayList<>();
            for (RunnerHandle runner : runners) {
                assertThat(runner.waitForExit())
                        .as("exit code of a runner; its output:%n%s", runner.output())
                        .isZero();
                output.addAll(runner.output());
            }

            // Every succeeding migration ran exactly once, whichever process ran it.
            Map<String, Long> events = database.events().stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(events)
                    .hasSize(RunnerProcess.MIGRATIONS - 1)
                    .allSatisfy((id, count) ->
                            assertThat(count).as("runs of %s", id).isEqualTo(1));
            assertThat(count(output, "RESULT v1 APPLIED")).isEqualTo(1);
            assertThat(count(output, "RESULT v12 APPLIED")).isEqualTo(1);

            // The failing one: tried by every process (failed migrations are retried), recorded as failed on each
            // attempt, its writes rolled back every time, and never reported as applied.
            long attempts = count(output, "ATTEMPT " + RunnerProcess.FAILING_ID);
            assertThat(attempts).isEqualTo(processes);
            assertThat(count(output, "RESULT " + RunnerProcess.FAILING_ID + " FAILED"))
                    .isEqualTo(attempts);
            assertThat(count(output, "RESULT " + RunnerProcess.FAILING_ID + " APPLIED"))
                    .isZero();
            assertThat(database.statuses())
                    .hasSize(RunnerProcess.MIGRATIONS)
                    .allSatisfy((id, status) ->
                            assertThat(status).isEqualTo(id.equals(RunnerProcess.FAILING_ID) ? "failed" : "success"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunnerKilledInTheMiddleOfAMigrationLeavesNoTraceAndTheNextStartRunsIt(DatabaseKind kind) throws Exception {
        TestDatabase database = databases.create(kind, tempDir);

        RunnerHandle doomed = RunnerHandle.start(database, "blocking");
        doomed.awaitLine("READY");
        doomed.go();
        doomed.awaitLine("BLOCKING v2");
        doomed.kill();

        // v1 committed before the kill; v2's writes and any record of it died with its transaction.
        assertThat(database.events()).containsExactly("v1");
        assertThat(database.statuses()).containsOnlyKeys("v1");

        // At once: with a short lock timeout, a claim or lock left behind would fail this start instead of delaying it.
        RunnerHandle next = RunnerHandle.start(database, "after-crash", "PT5S");
        next.awaitLine("READY");
        next.go();
        assertThat(next.waitForExit()).as("output:%n%s", next.output()).isZero();
        assertThat(next.output()).noneMatch(line -> line.contains("UnableToAcquireLockException"));

        assertThat(next.output()).contains("RESULT v1 ALREADY_APPLIED", "RESULT v2 APPLIED", "RESULT v3 APPLIED");
        assertThat(database.events()).containsExactly("v1", "v2_first", "v2_second", "v3");
        assertThat(database.statuses()).containsOnlyKeys("v1", "v2", "v3");
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    /** A {@link RunnerProcess} and the lines it has printed. */
    private static final class RunnerHandle {

        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> output = new ArrayList<>();
        private final Thread reader;

        private RunnerHandle(Process process) {
            this.process = process;
            this.reader = new Thread(this::readOutput, "runner-output-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        static RunnerHandle start(TestDatabase database, String... arguments) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(
                    java.toString(),
                    // A short-lived JVM: starting it fast matters more than its peak speed.
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    RunnerProcess.class.getName(),
                    database.url()));
            command.addAll(List.of(arguments));
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            return new RunnerHandle(process);
        }

        private void readOutput() {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Waits until the process prints {@code expected}, keeping every line it printed before. */
        void awaitLine(String expected) throws InterruptedException {
            while (true) {
                String line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line)
                        .as("a line from the runner; so far:%n%s", output)
                        .isNotNull();
                output.add(line);
                if (line.equals(expected)) {
                    return;
                }
            }
        }

        void go() throws IOException {
            Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            in.write("GO\n");
            in.flush();
        }

        /** SIGKILL: the JVM gets no chance to roll back, close connections or run shutdown hooks. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        int waitForExit() throws InterruptedException {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("runner exited")
                    .isTrue();
            reader.join(TimeUnit.SECONDS.toMillis(10));
            lines.drainTo(output);
            return process.exitValue();
        }

        List<String> output() {
            return output;
        }
    }
}
