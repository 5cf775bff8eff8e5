package dev.godwit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole benchmark once, as small as it gets (N = 10, one repetition and a second warm JVM, SQLite only, no
 * processor cost), to prove the harness works: generation, compilation with the processor, every contender's class
 * path and child JVM (the JDBI loop's among them), and the report. It checks nothing about speed; the benchmark itself
 * does that, by its own command.
 */
class BenchmarkSmokeTest {

    @Test
    void smallRunOnSqliteWritesTheReportAndChart(@TempDir Path temp) throws Exception {
        Path results = temp.resolve("results");

        Path report = Benchmark.run(Options.parse(
                "--sizes=10",
                "--reps=1",
                "--warm-runs=1",
                "--warm-reps=2",
                "--warm-all-runs=1",
                "--databases=sqlite",
                "--processor-reps=0",
                "--results=" + results,
                "--work=" + temp.resolve("work")));

        String markdown = Files.readString(report);
        assertThat(markdown).contains("2 JVMs for the warm figure with nothing pending up to N = 1,000");
        // The second warm JVM of each contender ran, on its own database that an untimed JVM migrated first: the
        // children's logs are kept in the work directory, one per JVM, named after what it measured.
        try (Stream<Path> logs = Files.list(temp.resolve("work/logs"))) {
            List<String> names = logs.map(path -> path.getFileName().toString()).toList();
            for (Contender contender : Contender.values()) {
                String prefix = "sqlite-n10-" + contender.workName();
                assertThat(names)
                        .as(contender.label())
                        .anyMatch(name -> name.endsWith(prefix + "-warm-setup.out"))
                        .filteredOn(name -> name.endsWith(prefix + "-warm.out"))
                        .hasSize(2);
            }
        }
        for (Metric metric : Metric.values()) {
            String row = "| " + metric.label() + " | 10 |";
            assertThat(markdown).contains(row);
            // A figure for every contender, and both ratios.
            assertThat(markdown.lines()
                            .filter(line -> line.startsWith(row))
                            .findFirst()
                            .orElseThrow())
                    .doesNotContain("| -");
        }
        // Both Godwit variants and both loops ran: each child's migrations left N rows (the benchmark checks them),
        // and the report has a column for each, targets for each Godwit variant, and Godwit (Handle)'s ratio to the
        // JDBI loop.
        assertThat(markdown)
                .contains("| Godwit (JDBC) | Godwit (Handle) | Flyway | JDBC loop | JDBI loop |")
                .contains("| Godwit (Handle) / loop | Godwit (Handle) / JDBI loop |")
                .contains("all pending: Godwit (JDBC) / JDBC loop", "all pending: Godwit (Handle) / JDBC loop");
        assertThat(Files.readString(results.resolve(Report.CHART)))
                .startsWith("<svg")
                .contains("Godwit (JDBC)", "Godwit (Handle)", "Flyway", "JDBC loop", "JDBI loop", "<polyline");
    }
}
